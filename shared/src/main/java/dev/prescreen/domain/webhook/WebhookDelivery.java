package dev.prescreen.domain.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to one endpoint: created once (the send intent) before the first attempt, so an event is
 * delivered once per endpoint in the normal case, and every attempt is logged.
 *
 * @param cycleStartedAt when the current series of attempts began (the first send, or a manual redelivery): retries
 *                       stop a day after it
 */
public record WebhookDelivery(
        String deliveryId,
        String organisation,
        String endpointId,
        String eventId,
        String eventType,
        String body,
        Status status,
        Instant cycleStartedAt,
        Instant nextAttemptAt,
        List<Attempt> attempts,
        long revision) {

    public WebhookDelivery {
        attempts = List.copyOf(attempts);
    }

    public enum Status {
        /** To be attempted at {@code nextAttemptAt}. */
        PENDING,
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** The endpoint refused it for good (4xx other than 408 and 429), or it was removed or disabled. */
        FAILED,
        /** Retried for a day without success: handed to the dead-letter queue. */
        GAVE_UP
    }

    /**
     * One attempt: its HTTP status (null when none came: a timeout or a refused connection, named in {@code error}),
     * how long it took, and at most the first kilobyte of the answer.
     */
    public record Attempt(int number, Instant at, Integer httpStatus, String error, long latencyMillis,
                          String response) {
    }

    /** The delivery's id for an endpoint and an event: at most one per pair. */
    public static String idFor(String endpointId, String eventId) {
        return endpointId + "." + eventId;
    }
}
