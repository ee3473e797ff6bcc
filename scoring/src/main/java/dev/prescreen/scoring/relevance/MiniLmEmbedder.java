package dev.prescreen.scoring.relevance;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.prescreen.scoring.internal.ClasspathResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 (quantized), shipped as a Maven artifact by LangChain4j and run in process on ONNX Runtime.
 * Loaded once per JVM (at initialisation, so SnapStart snapshots it), on one intra-op thread: Lambda gives a function
 * of our size one or two vCPUs, and one thread keeps the results and the timing independent of the machine.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    public static final String VERSION = "all-minilm-l6-v2-q-lc4j-1.19.0-beta29";
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private static final class Holder {
        static final Model MODEL_INSTANCE = new Model(load());
    }

    /** LangChain4j's in-process model around our own session (its default uses every core). */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }

    private static OnnxBertBiEncoder load() {
        try (InputStream model = ClasspathResources.open(MODEL); InputStream tokenizer = ClasspathResources.open(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model", e);
        }
    }

    /** Loads the model now (initialisation) rather than on the first answer. */
    public static MiniLmEmbedder get() {
        Holder.MODEL_INSTANCE.dimension();
        return new MiniLmEmbedder();
    }

    @Override
    public float[] embed(String text) {
        return Holder.MODEL_INSTANCE.embed(text).content().vector();
    }

    @Override
    public String version() {
        return VERSION;
    }
}
