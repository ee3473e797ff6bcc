package dev.prescreen.scoring.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Sentence split, tokenisation, universal POS tags and lemmas with OpenNLP. Not thread-safe: use one instance per
 * thread. Speech transcripts are often all lowercase; the text is re-cased without changing its length (sentence
 * starts and the pronoun "i" upper-cased) before tagging so that offsets stay those of the original text.
 */
public final class Analyzer {

    private final SentenceDetectorME sentences;
    private final TokenizerME tokenizer;
    private final POSTaggerME tagger;
    private final LemmatizerME lemmatizer;
    private static final int MAX_CACHE = 50_000;
    private final Map<String, String> lemmaCache = new HashMap<>();

    public Analyzer() {
        NlpModels models = NlpModels.get();
        sentences = new SentenceDetectorME(models.sentence());
        tokenizer = new TokenizerME(models.tokens());
        tagger = new POSTaggerME(models.pos());
        lemmatizer = new LemmatizerME(models.lemmas());
    }

    public List<Sentence> analyze(String text) {
        List<Sentence> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String cased = recase(text);
        for (Span s : sentences.sentPosDetect(cased)) {
            String sentence = cased.substring(s.getStart(), s.getEnd());
            Span[] spans = tokenizer.tokenizePos(sentence);
            if (spans.length == 0) {
                continue;
            }
            String[] words = new String[spans.length];
            for (int i = 0; i < spans.length; i++) {
                words[i] = sentence.substring(spans[i].getStart(), spans[i].getEnd());
            }
            String[] tags = tagger.tag(words);
            List<Token> tokens = new ArrayList<>(spans.length);
            for (int i = 0; i < spans.length; i++) {
                String form = words[i].toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                String lemma = lemma(form, tags[i]);
                tokens.add(new Token(form, tags[i], lemma, s.getStart() + spans[i].getStart(),
                        s.getStart() + spans[i].getEnd()));
            }
            out.add(new Sentence(s.getStart(), s.getEnd(), tokens));
        }
        return out;
    }

    /**
     * Lemmas of verbs and auxiliaries (what tense detection needs), each lemmatised on its own so the result depends
     * on the word and its tag only (deterministic and cacheable); other words keep their form and are stemmed by the
     * relevance matcher. The statistical lemmatizer is by far the slowest step, hence the cache.
     */
    private String lemma(String form, String tag) {
        if (!tag.equals("VERB") && !tag.equals("AUX")) {
            return form;
        }
        String key = tag + ' ' + form;
        String cached = lemmaCache.get(key);
        if (cached != null) {
            return cached;
        }
        String[] out = lemmatizer.lemmatize(new String[] {form}, new String[] {tag});
        String lemma = out.length == 0 || out[0] == null || out[0].equals("O") ? form : out[0].toLowerCase(Locale.ROOT);
        if (lemmaCache.size() < MAX_CACHE) {
            lemmaCache.put(key, lemma);
        }
        return lemma;
    }

    /** Same length as the input: capitalises sentence starts and the standalone pronoun "i". */
    static String recase(String text) {
        char[] c = text.toCharArray();
        boolean start = true;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (Character.isLetter(ch)) {
                boolean prevBoundary = i == 0 || !Character.isLetterOrDigit(c[i - 1]);
                boolean nextBoundary = i + 1 >= c.length || !Character.isLetterOrDigit(c[i + 1]);
                if (start || (ch == 'i' && prevBoundary && nextBoundary)) {
                    c[i] = Character.toUpperCase(ch);
                }
                start = false;
            } else if (ch == '.' || ch == '?' || ch == '!') {
                start = true;
            }
        }
        return new String(c);
    }
}
