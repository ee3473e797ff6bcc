package dev.prescreen.scoring.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    private static List<String> tokens(String text, boolean elides) {
        WordTokenizer tokenizer = new WordTokenizer(Locale.FRENCH, elides);
        return tokenizer.tokens(text, 0, text.length()).stream().map(WordTokenizer.Span::text).toList();
    }

    @Test
    void technologyNamesStayWholeAndPunctuationStandsAlone() {
        assertThat(tokens("Node.js, C#, C++ et CI/CD: 1,5 s (p99).", false))
                .containsExactly("Node.js", ",", "C#", ",", "C++", "et", "CI/CD", ":", "1,5", "s", "(", "p99", ")", ".");
    }

    @Test
    void elidedWordsStandAloneWhereTheLanguageElides() {
        assertThat(tokens("J'ai migré l'API dell'azienda", true))
                .containsExactly("J'", "ai", "migré", "l'", "API", "dell'", "azienda");
        assertThat(tokens("Klarna's API", false)).containsExactly("Klarna's", "API");
    }

    @Test
    void sentencesAreSplitWithTheirOffsets() {
        String text = "Primero mido. Después, corrijo la causa!  ¿Y luego? Verifico.";
        List<int[]> sentences = new WordTokenizer(Locale.forLanguageTag("es-ES"), false).sentences(text);
        assertThat(sentences).hasSize(4);
        assertThat(text.substring(sentences.get(1)[0], sentences.get(1)[1])).isEqualTo("Después, corrijo la causa!");
        List<WordTokenizer.Span> spans = new WordTokenizer(Locale.ROOT, false).tokens(text, sentences.get(3)[0],
                sentences.get(3)[1]);
        assertThat(text.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("Verifico");
    }

    @Test
    void aLowerCaseTranscriptIsSplitIntoItsSentencesToo() {
        String text = "ja klar. bei der telekom ham wir das umgebaut. danach lief es!";
        List<int[]> sentences = new WordTokenizer(Locale.GERMAN, false).sentences(text);
        assertThat(sentences).hasSize(3);
        assertThat(text.substring(sentences.get(1)[0], sentences.get(1)[1])).isEqualTo("bei der telekom ham wir das umgebaut.");
    }
}
