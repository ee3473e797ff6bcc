package dev.prescreen.transcription;

import dev.prescreen.domain.transcription.LanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** Apache OpenNLP's language detector (103 languages), its model loaded once, on first use. */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    private static final String MODEL = "langdetect-183.bin";

    private static final class Model {
        static final LanguageDetectorModel INSTANCE = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = OpenNlpLanguageDetector.class.getClassLoader().getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("language detection model " + MODEL + " is not on the classpath");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public Guess detect(String text) {
        Language best = new LanguageDetectorME(Model.INSTANCE).predictLanguage(text);
        return new Guess(best.getLang(), best.getConfidence());
    }
}
