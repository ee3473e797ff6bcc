package dev.prescreen.cloud;

/**
 * The SQS queues between stages. Each has a dead-letter queue that receives a message after
 * {@link #maxReceiveCount()} failed receives; the visibility timeout is six times the consumer's timeout.
 */
public enum Queue {
    /** A batch whose send time has come (target of the one-time schedules). */
    BATCH_SENDS("batch-sends", 60),
    /** One message per candidate to invite. */
    INVITATIONS("invitations", 30),
    /** New recordings, as S3 event notifications. */
    TRANSCRIPTION_JOBS("transcription-jobs", 30),
    /** Transcribe job state changes, from EventBridge. */
    TRANSCRIPTION_EVENTS("transcription-events", 60),
    /** Answers ready to be scored. */
    SCORING("scoring", 60),
    /** Finished interviews whose report is to be built and emailed. */
    REPORTING("reporting", 60),
    /** SES bounce and complaint events. */
    EMAIL_EVENTS("email-events", 30),
    /** Events for organisations' webhook endpoints, to be fanned out to each endpoint that wants them. */
    WEBHOOK_EVENTS("webhook-events", 30),
    /** One delivery of one event to one endpoint, attempted when due (long waits hop by 15-minute delays). */
    WEBHOOK_DELIVERIES("webhook-deliveries", 30);

    public static final int MAX_RECEIVE_COUNT = 3;
    private static final int VISIBILITY_FACTOR = 6;

    private final String logicalName;
    private final int consumerTimeoutSeconds;

    Queue(String logicalName, int consumerTimeoutSeconds) {
        this.logicalName = logicalName;
        this.consumerTimeoutSeconds = consumerTimeoutSeconds;
    }

    public String logicalName() {
        return logicalName;
    }

    public String deadLetterName() {
        return logicalName + "-dlq";
    }

    public int consumerTimeoutSeconds() {
        return consumerTimeoutSeconds;
    }

    public int visibilityTimeoutSeconds() {
        return consumerTimeoutSeconds * VISIBILITY_FACTOR;
    }

    public int maxReceiveCount() {
        return MAX_RECEIVE_COUNT;
    }

    /** Dead letters are kept for the longest period SQS allows, so nothing is lost before someone looks. */
    public int deadLetterRetentionSeconds() {
        return 14 * 24 * 3600;
    }
}
