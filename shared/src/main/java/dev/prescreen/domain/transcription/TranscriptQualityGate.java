package dev.prescreen.domain.transcription;

import dev.prescreen.domain.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a transcript can be scored automatically. An unreliable transcript is never scored:
 * a person listens to the recording instead. Thresholds:
 * <ul>
 *   <li>no spoken word at all: {@code no_answer};</li>
 *   <li>mean word confidence below {@value #MIN_MEAN_CONFIDENCE}, or more than
 *       {@value #MAX_LOW_CONFIDENCE_SHARE} of the words below {@value #LOW_CONFIDENCE} confidence;</li>
 *   <li>speaking rate outside {@value #MIN_WORDS_PER_SECOND}–{@value #MAX_WORDS_PER_SECOND} words per
 *       second of speech (fluent speech is about 2–3; far fewer means noise read as words);</li>
 *   <li>with at least {@value #MIN_WORDS_FOR_LANGUAGE} words, a detected language other than the plan's
 *       with confidence of {@value #MIN_LANGUAGE_CONFIDENCE} or more.</li>
 * </ul>
 * Typed answers carry no word timings and pass (their language is the candidate's choice).
 */
public final class TranscriptQualityGate {

    public static final double MIN_MEAN_CONFIDENCE = 0.6;
    public static final double LOW_CONFIDENCE = 0.4;
    public static final double MAX_LOW_CONFIDENCE_SHARE = 0.4;
    public static final double MIN_WORDS_PER_SECOND = 0.5;
    public static final double MAX_WORDS_PER_SECOND = 6.0;
    public static final int MIN_WORDS_FOR_LANGUAGE = 8;
    public static final double MIN_LANGUAGE_CONFIDENCE = 0.5;

    /** Plan language (BCP 47) to the detector's ISO 639-3 code. */
    static final Map<String, String> LANGUAGES = Map.of("en", "eng", "de", "deu", "fr", "fra", "es", "spa",
            "it", "ita", "pt", "por", "nl", "nld", "pl", "pol", "sv", "swe");

    private final LanguageDetector detector;

    public TranscriptQualityGate(LanguageDetector detector) {
        this.detector = detector;
    }

    public enum Verdict { RELIABLE, NO_ANSWER, UNRELIABLE }

    /** The verdict, the reasons (for the report's reviewer) and the measured figures. */
    public record Assessment(Verdict verdict, List<String> reasons, double meanConfidence, double lowConfidenceShare,
            double wordsPerSecond, String detectedLanguage) {
    }

    public Assessment assess(Transcript transcript, String planLanguage) {
        List<Transcript.Word> spoken = transcript.words().stream().filter(w -> !w.punctuation()).toList();
        if (!transcript.spoken()) {
            return new Assessment(transcript.text().isBlank() ? Verdict.NO_ANSWER : Verdict.RELIABLE, List.of(),
                    1, 0, 0, null);
        }
        if (spoken.isEmpty() || transcript.text().isBlank()) {
            return new Assessment(Verdict.NO_ANSWER, List.of("no speech was recognised"), 0, 0, 0, null);
        }
        double mean = spoken.stream().mapToDouble(Transcript.Word::confidence).average().orElse(0);
        double lowShare = spoken.stream().filter(w -> w.confidence() < LOW_CONFIDENCE).count() / (double) spoken.size();
        double start = spoken.get(0).startSeconds();
        double end = spoken.get(spoken.size() - 1).endSeconds();
        double rate = spoken.size() / Math.max(end - start, 1.0);
        List<String> reasons = new ArrayList<>();
        if (mean < MIN_MEAN_CONFIDENCE) {
            reasons.add(String.format(Locale.ROOT, "mean word confidence %.2f is below %.2f", mean, MIN_MEAN_CONFIDENCE));
        }
        if (lowShare > MAX_LOW_CONFIDENCE_SHARE) {
            reasons.add(String.format(Locale.ROOT, "%.0f%% of the words have confidence below %.2f", lowShare * 100,
                    LOW_CONFIDENCE));
        }
        if (spoken.size() >= 3 && (rate < MIN_WORDS_PER_SECOND || rate > MAX_WORDS_PER_SECOND)) {
            reasons.add(String.format(Locale.ROOT, "%.1f words per second is not a speaking rate", rate));
        }
        String detected = null;
        if (spoken.size() >= MIN_WORDS_FOR_LANGUAGE) {
            LanguageDetector.Guess guess = detector.detect(transcript.text());
            detected = guess.language();
            String expected = LANGUAGES.get(planLanguage.split("-")[0].toLowerCase(Locale.ROOT));
            if (expected != null && !expected.equals(guess.language()) && guess.confidence() >= MIN_LANGUAGE_CONFIDENCE) {
                reasons.add("the transcript reads as " + guess.language() + ", not the plan's " + planLanguage);
            }
        }
        return new Assessment(reasons.isEmpty() ? Verdict.RELIABLE : Verdict.UNRELIABLE, List.copyOf(reasons), mean,
                lowShare, rate, detected);
    }
}
