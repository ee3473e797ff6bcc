package dev.prescreen.domain.session;

import java.time.Instant;

/**
 * The candidate's current step: a question to answer, a short wait while the last answer is processed
 * (a follow-up may come), or the end.
 *
 * @param take         for a question: the take being recorded now (1, then one more per retake)
 * @param takesAllowed for a question: how many takes the plan allows (1 + retakesPerQuestion)
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
        Integer retryAfterSeconds,
        Integer take,
        Integer takesAllowed) {

    public enum Status {
        QUESTION, PROCESSING, DONE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Step done(int answered, int total) {
        return new Step(Status.DONE, null, null, null, null, null, null, null, null, answered, total, null, null, null);
    }

    static Step processing(int answered, int total) {
        return new Step(Status.PROCESSING, null, null, null, null, null, null, null, null, answered, total, 2, null, null);
    }
}
