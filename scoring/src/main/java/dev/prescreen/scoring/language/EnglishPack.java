package dev.prescreen.scoring.language;

import dev.prescreen.scoring.nlp.Analyzer;
import dev.prescreen.scoring.nlp.Sentence;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English: OpenNLP's UD English models for sentences, tokens, tags and lemmas; a light suffix stemmer with a few
 * spelling and abbreviation variants for relevance; the lexicon in {@code scoring/lexicon/en-US.txt}. One instance
 * per thread (the OpenNLP wrappers are not thread-safe; the models and the lexicon are shared).
 */
public final class EnglishPack implements LanguagePack {

    public static final String LANGUAGE = "en-US";
    private static final String RESOURCE = "scoring/lexicon/en-US.txt";

    private static final class Shared {
        static final Lexicon LEXICON = Lexicon.load(RESOURCE);
    }

    /** Spelling variants and abbreviations that should meet on one stem. */
    private static final Map<String, String> VARIANTS = Map.ofEntries(
            Map.entry("db", "databas"), Map.entry("k8", "kubernet"), Map.entry("k8s", "kubernet"),
            Map.entry("mongo", "mongodb"), Map.entry("slowest", "slow"), Map.entry("slower", "slow"),
            Map.entry("faster", "fast"), Map.entry("deployment", "deploy"), Map.entry("optimis", "optim"),
            Map.entry("optimiz", "optim"), Map.entry("normalis", "normal"), Map.entry("normaliz", "normal"),
            Map.entry("auth", "authent"), Map.entry("exception", "error"), Map.entry("failur", "error"));

    private final Analyzer analyzer = new Analyzer();

    @Override
    public String language() {
        return LANGUAGE;
    }

    @Override
    public List<Sentence> analyze(String text) {
        return analyzer.analyze(text);
    }

    @Override
    public boolean semanticRelevance() {
        return true;
    }

    @Override
    public Lexicon lexicon() {
        return Shared.LEXICON;
    }

    @Override
    public String version() {
        return "en-opennlp-ud-ewt-1.3";
    }

    @Override
    public String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("'s", "");
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ied")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 6 && (w.endsWith("ation") || w.endsWith("ition"))) {
            w = w.substring(0, w.length() - 5);
        } else if (w.length() > 5 && w.endsWith("ion")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 5 && (w.endsWith("er") || w.endsWith("or"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && (w.endsWith("e") || w.endsWith("y"))) {
            w = w.substring(0, w.length() - 1);
        }
        return VARIANTS.getOrDefault(w, w);
    }
}
