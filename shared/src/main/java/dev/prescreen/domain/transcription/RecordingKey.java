package dev.prescreen.domain.transcription;

import java.util.Optional;

/**
 * A recording's object key, {@code recordings/<org>/<plan>/<interview>/<answer>.<ext>}: everything the
 * pipeline needs to route it, without a lookup.
 */
public record RecordingKey(String organisation, String planId, String interviewId, String answerId, String extension) {

    public static Optional<RecordingKey> parse(String key) {
        String[] parts = key.split("/");
        if (parts.length != 5 || !parts[0].equals("recordings")) {
            return Optional.empty();
        }
        int dot = parts[4].lastIndexOf('.');
        if (dot <= 0 || !parts[4].startsWith(parts[3] + "-")) {
            return Optional.empty();
        }
        return Optional.of(new RecordingKey(parts[1], parts[2], parts[3], parts[4].substring(0, dot),
                parts[4].substring(dot + 1)));
    }

    public String key() {
        return "recordings/" + organisation + "/" + planId + "/" + interviewId + "/" + answerId + "." + extension;
    }

    /** Transcribe's media format for the file's extension. */
    public String mediaFormat() {
        return switch (extension) {
            case "wav" -> "wav";
            case "ogg" -> "ogg";
            case "m4a", "mp4" -> "mp4";
            default -> "webm";
        };
    }

    /** Where the job writes its transcript. */
    public String transcriptKey() {
        return "transcripts/" + organisation + "/" + interviewId + "/" + answerId + ".json";
    }
}
