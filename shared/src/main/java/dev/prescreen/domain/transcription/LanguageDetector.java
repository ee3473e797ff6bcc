package dev.prescreen.domain.transcription;

/** Tells which language a text is in. */
public interface LanguageDetector {

    /** The most likely language as an ISO 639-3 code (e.g. {@code eng}) and its confidence in 0..1. */
    Guess detect(String text);

    record Guess(String language, double confidence) {
    }
}
