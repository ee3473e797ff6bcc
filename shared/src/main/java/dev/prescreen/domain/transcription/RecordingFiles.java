package dev.prescreen.domain.transcription;

import java.util.Optional;

/** The recordings bucket as transcription reads it: only the ends of a file, to learn its duration. */
public interface RecordingFiles {

    /** The first {@code headBytes} and the last {@code tailBytes} of the file (each the whole file when smaller). */
    record Ends(byte[] head, byte[] tail, long size) {
    }

    /** The ends of the recording at the key; empty when there is no such object. */
    Optional<Ends> ends(String key, int headBytes, int tailBytes);
}
