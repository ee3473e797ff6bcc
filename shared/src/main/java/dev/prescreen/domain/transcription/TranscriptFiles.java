package dev.prescreen.domain.transcription;

/** Where transcription jobs write their output. */
public interface TranscriptFiles {

    /** The output JSON at the key. */
    String read(String key);
}
