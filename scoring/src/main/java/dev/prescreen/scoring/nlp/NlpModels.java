package dev.prescreen.scoring.nlp;

import dev.prescreen.scoring.internal.ClasspathResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP English UD models (sentence, tokens, universal POS, lemmas), loaded once per JVM from the classpath
 * on first use (cold start matters on Lambda). Models are immutable and shareable; the ME wrappers are not.
 */
public final class NlpModels {

    public static final String SENTENCE = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    public static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    public static final String POS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    public static final String LEMMAS = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    private final SentenceModel sentence;
    private final TokenizerModel tokens;
    private final POSModel pos;
    private final LemmatizerModel lemmas;

    private NlpModels() {
        try {
            sentence = new SentenceModel(open(SENTENCE));
            tokens = new TokenizerModel(open(TOKENS));
            pos = new POSModel(open(POS));
            lemmas = new LemmatizerModel(open(LEMMAS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP models", e);
        }
    }

    private static final class Holder {
        static final NlpModels INSTANCE = new NlpModels();
    }

    public static NlpModels get() {
        return Holder.INSTANCE;
    }

    public SentenceModel sentence() {
        return sentence;
    }

    public TokenizerModel tokens() {
        return tokens;
    }

    public POSModel pos() {
        return pos;
    }

    public LemmatizerModel lemmas() {
        return lemmas;
    }

    private static InputStream open(String name) throws IOException {
        return ClasspathResources.open(name);
    }
}
