package dev.prescreen.domain.transcription;

import java.util.Optional;

/**
 * A recording's object key, {@code recordings/<org>/<plan>/<interview>/<answer>.<upload>.<ext>}: everything the
 * pipeline needs to route it, without a lookup. Every upload URL gets a key of its own ({@code upload}), which the
 * answer records, and the URL may create its object only once: so the recording transcribed is the one kept.
 * Keys without an upload part ({@code <answer>.<ext>}) are those of recordings made before uploads had one.
 *
 * @param uploadId the upload's own part of the key; null for keys made before uploads had one
 */
public record RecordingKey(String organisation, String planId, String interviewId, String answerId, String uploadId,
                           String extension) {

    public static Optional<RecordingKey> parse(String key) {
        String[] parts = key.split("/");
        if (parts.length != 5 || !parts[0].equals("recordings")) {
            return Optional.empty();
        }
        String file = parts[4];
        int first = file.indexOf('.');
        int last = file.lastIndexOf('.');
        if (first <= 0 || last == file.length() - 1 || !file.startsWith(parts[3] + "-")) {
            return Optional.empty();
        }
        String upload = first == last ? null : file.substring(first + 1, last);
        if (upload != null && (upload.isEmpty() || upload.contains("."))) {
            return Optional.empty();
        }
        return Optional.of(new RecordingKey(parts[1], parts[2], parts[3], file.substring(0, first), upload,
                file.substring(last + 1)));
    }

    public String key() {
        return "recordings/" + organisation + "/" + planId + "/" + interviewId + "/" + answerId
                + (uploadId == null ? "" : "." + uploadId) + "." + extension;
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
