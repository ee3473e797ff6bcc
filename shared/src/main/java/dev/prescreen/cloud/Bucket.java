package dev.prescreen.cloud;

import java.util.Optional;

/** The S3 buckets. A bucket may notify a queue of new objects under a prefix. */
public enum Bucket {
    /** Candidates' answer recordings, uploaded with presigned URLs. */
    RECORDINGS("recordings", "recordings/", Queue.TRANSCRIPTION_JOBS),
    /** Transcribe's output JSON. */
    TRANSCRIPTS("transcripts", null, null);

    private final String logicalName;
    private final String notificationPrefix;
    private final Queue notifiedQueue;

    Bucket(String logicalName, String notificationPrefix, Queue notifiedQueue) {
        this.logicalName = logicalName;
        this.notificationPrefix = notificationPrefix;
        this.notifiedQueue = notifiedQueue;
    }

    public String logicalName() {
        return logicalName;
    }

    /** Where new objects are announced: the key prefix and the queue, when the bucket announces any. */
    public Optional<ObjectCreatedNotification> notification() {
        return notifiedQueue == null
                ? Optional.empty()
                : Optional.of(new ObjectCreatedNotification(notificationPrefix, notifiedQueue));
    }

    public record ObjectCreatedNotification(String prefix, Queue queue) {
    }
}
