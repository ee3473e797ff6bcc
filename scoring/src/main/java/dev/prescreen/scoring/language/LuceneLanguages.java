package dev.prescreen.scoring.language;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.br.BrazilianAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import morfologik.stemming.WordData;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The eight interview languages besides English, as Lucene analyses them: the Snowball stemmer of each (Morfologik's
 * dictionary and Stempel for Polish, which Snowball lacks) and the analyzer's default stop words, which tag function
 * words.
 */
final class LuceneLanguages {

    static final String LUCENE = "lucene-9.12.3";

    private LuceneLanguages() {
    }

    static LexicalPack.Spec spanish() {
        return spec("es-ES", "snowball", snowball(SpanishStemmer::new), SpanishAnalyzer.getDefaultStopSet(),
                false, false, false);
    }

    static LexicalPack.Spec french() {
        return spec("fr-FR", "snowball", snowball(FrenchStemmer::new), FrenchAnalyzer.getDefaultStopSet(),
                false, true, false);
    }

    static LexicalPack.Spec german() {
        return spec("de-DE", "snowball", snowball(GermanStemmer::new), GermanAnalyzer.getDefaultStopSet(),
                true, false, true);
    }

    static LexicalPack.Spec portuguese() {
        return spec("pt-BR", "snowball", snowball(PortugueseStemmer::new), BrazilianAnalyzer.getDefaultStopSet(),
                false, false, false);
    }

    static LexicalPack.Spec italian() {
        return spec("it-IT", "snowball", snowball(ItalianStemmer::new), ItalianAnalyzer.getDefaultStopSet(),
                false, true, false);
    }

    static LexicalPack.Spec dutch() {
        return spec("nl-NL", "snowball", snowball(DutchStemmer::new), DutchAnalyzer.getDefaultStopSet(),
                false, false, true);
    }

    /**
     * Polish inflects too much for suffix rules: Morfologik's dictionary gives the lemma ("bazach", "bazy" → "baza";
     * "zrobiłem", "zrobiłam" → "zrobić"), and Stempel's statistical table stems the words the dictionary lacks (mostly
     * borrowed technical words, "mikroserwisów" → "mikroserwis"), where its stem keeps the word's beginning.
     */
    static LexicalPack.Spec polish() {
        Supplier<LexicalPack.Stemmer> dictionaryThenStempel = () -> {
            DictionaryLookup dictionary = new DictionaryLookup(PolishDictionary.INSTANCE);
            StempelStemmer stempel = new StempelStemmer(PolishAnalyzer.getDefaultTable());
            return word -> {
                List<WordData> lemmas = dictionary.lookup(word);
                if (!lemmas.isEmpty()) {
                    return lemmas.get(0).getStem().toString().toLowerCase(Locale.ROOT);
                }
                StringBuilder stem = stempel.stem(word);
                boolean keepsTheWord = stem != null && stem.length() >= 3 && word.startsWith(stem.substring(0, 3));
                return keepsTheWord ? stem.toString() : word;
            };
        };
        return spec("pl-PL", "morfologik-stempel", dictionaryThenStempel, PolishAnalyzer.getDefaultStopSet(), false,
                false, false);
    }

    static LexicalPack.Spec swedish() {
        return spec("sv-SE", "snowball", snowball(SwedishStemmer::new), SwedishAnalyzer.getDefaultStopSet(),
                false, false, true);
    }

    /** Morfologik's Polish dictionary (the morfologik-polish data Lucene's Morfologik analyzer reads), loaded once. */
    private static final class PolishDictionary {
        static final Dictionary INSTANCE = load();

        private static Dictionary load() {
            java.net.URL dict = LuceneLanguages.class.getClassLoader().getResource(
                    "morfologik/stemming/polish/polish.dict");
            if (dict == null) {
                throw new IllegalStateException("Morfologik's Polish dictionary is not on the classpath");
            }
            try {
                return Dictionary.read(dict);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read Morfologik's Polish dictionary", e);
            }
        }
    }

    private static LexicalPack.Spec spec(String language, String stemmer, Supplier<LexicalPack.Stemmer> stem,
                                         CharArraySet stopWords, boolean capitalisesNouns, boolean elides,
                                         boolean compounds) {
        return new LexicalPack.Spec(language, language + "-lexical-" + LUCENE + "-" + stemmer, stem, strings(stopWords),
                capitalisesNouns, elides, compounds);
    }

    private static Supplier<LexicalPack.Stemmer> snowball(Supplier<SnowballStemmer> factory) {
        return () -> {
            SnowballStemmer s = factory.get();
            // folded first, so an answer typed without accents meets the bank's concepts on the same stem
            return word -> {
                s.setCurrent(Folding.fold(word));
                s.stem();
                return s.getCurrent();
            };
        };
    }

    private static Set<String> strings(CharArraySet set) {
        Set<String> out = new HashSet<>();
        for (Object o : set) {
            out.add(o instanceof char[] chars ? new String(chars) : o.toString());
        }
        return Set.copyOf(out);
    }
}
