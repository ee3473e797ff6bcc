package dev.prescreen.domain.session;

import java.time.Instant;

/**
 * The candidate's current step: a question to answer, a short wait while the last answer is processed
 * (a follow-up may come), or the end.
 */
public record Step(
        Status status,
        String answerId,
        Integer position,
        String kind,
        String text,
        String type,
        Integer answerSeconds,
        Instant servedAt,
        Instant deadline,
        int answered,
        int questionCount,
        Integer retryAfterSeconds) {

    public enum Status {
        QUESTION, PROCESSING, DONE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Step done(int answered, int total) {
        return new Step(Status.DONE, null, null, null, null, null, null, null, null, answered, total, null);
    }

    static Step processing(int answered, int total) {
        return new Step(Status.PROCESSING, null, null, null, null, null, null, null, null, answered, total, 2);
    }
}
