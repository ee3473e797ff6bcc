package dev.prescreen.domain.candidate;

import java.time.Instant;

/** Candidates uploaded together and invited at one time. */
public record Batch(
        String batchId,
        String organisation,
        String planId,
        Instant sendAt,
        BatchStatus status,
        int accepted,
        int rejected,
        Instant createdAt,
        long revision) {

    public enum BatchStatus {
        SCHEDULED, SENDING, SENT, CANCELLED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Batch withStatus(BatchStatus newStatus) {
        return new Batch(batchId, organisation, planId, sendAt, newStatus, accepted, rejected, createdAt, revision + 1);
    }

    /** The name of the batch's one-time schedule. */
    public String scheduleName() {
        return "batch-" + batchId;
    }
}
