package dev.prescreen.domain.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prescreen.domain.Transcript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptQualityGateTest {

    private final TranscriptQualityGate gate = new TranscriptQualityGate(
            text -> text.contains("bonjour") ? new LanguageDetector.Guess("fra", 0.9)
                    : text.contains("ich habe") ? new LanguageDetector.Guess("deu", 0.9)
                    : new LanguageDetector.Guess("eng", 0.9));

    /** Words spoken at the given rate with the given confidences. */
    private static Transcript spoken(String text, double wordsPerSecond, double... confidences) {
        String[] words = text.split(" ");
        List<Transcript.Word> items = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < words.length; i++) {
            double length = 1 / wordsPerSecond;
            items.add(new Transcript.Word(words[i], t, t + length, confidences[i % confidences.length], false));
            t += length;
        }
        return new Transcript(text, items);
    }

    @Test
    void clearFluentSpeechIsReliable() {
        var assessment = gate.assess(spoken("i moved our billing jobs to a queue and cut failures by half", 2.5, 0.95, 0.9),
                "en-US");
        assertThat(assessment.verdict()).isEqualTo(TranscriptQualityGate.Verdict.RELIABLE);
        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.detectedLanguage()).isEqualTo("eng");
    }

    @Test
    void noRecognisedSpeechIsNoAnswer() {
        assertThat(gate.assess(new Transcript("", List.of()), "en-US").verdict())
                .isEqualTo(TranscriptQualityGate.Verdict.NO_ANSWER);
        assertThat(gate.assess(Transcript.typed(""), "en-US").verdict()).isEqualTo(TranscriptQualityGate.Verdict.NO_ANSWER);
    }

    @Test
    void lowConfidenceIsUnreliable() {
        var assessment = gate.assess(spoken("the the q on the bottle the the", 2.5, 0.3, 0.5, 0.2), "en-US");
        assertThat(assessment.verdict()).isEqualTo(TranscriptQualityGate.Verdict.UNRELIABLE);
        assertThat(assessment.reasons()).anyMatch(r -> r.contains("mean word confidence"));
        assertThat(assessment.reasons()).anyMatch(r -> r.contains("have confidence below"));
    }

    @Test
    void anImpossibleSpeakingRateIsUnreliable() {
        var slow = gate.assess(spoken("well i think so", 0.2, 0.95), "en-US");
        assertThat(slow.verdict()).isEqualTo(TranscriptQualityGate.Verdict.UNRELIABLE);
        assertThat(slow.reasons()).anyMatch(r -> r.contains("words per second"));
    }

    @Test
    void anotherLanguageThanThePlansIsUnreliable() {
        var assessment = gate.assess(spoken("bonjour je suis ingénieur et j'ai travaillé chez une banque", 2.5, 0.95),
                "en-US");
        assertThat(assessment.verdict()).isEqualTo(TranscriptQualityGate.Verdict.UNRELIABLE);
        assertThat(assessment.reasons()).anyMatch(r -> r.contains("fra"));
    }

    @Test
    void theLanguageCheckComparesWithThePlansLanguage() {
        var german = spoken("ich habe bei einer bank gearbeitet und dort die schnittstellen für zahlungen gebaut", 2.5,
                0.95);
        assertThat(gate.assess(german, "de-DE").verdict()).isEqualTo(TranscriptQualityGate.Verdict.RELIABLE);
        assertThat(gate.assess(german, "es-ES").reasons()).anyMatch(r -> r.contains("not the plan's es-ES"));
    }

    @Test
    void everyInterviewLanguageHasADetectorCode() {
        assertThat(dev.prescreen.domain.Languages.SUPPORTED).allSatisfy(code -> assertThat(
                TranscriptQualityGate.LANGUAGES).containsKey(code.split("-")[0]));
    }

    @Test
    void typedAnswersPassWithoutTimings() {
        assertThat(gate.assess(Transcript.typed("I wrote the service in Go."), "en-US").verdict())
                .isEqualTo(TranscriptQualityGate.Verdict.RELIABLE);
    }
}
