package dev.prescreen.domain;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The one way the domain writes under optimistic concurrency (conditional writes on a revision): an attempt re-reads,
 * decides and writes; when its conditional write loses, it is tried again from the read, a bounded number of times,
 * and then {@link DomainException.WriteConflict} is thrown. A lost race is never a silent return.
 */
public final class ConcurrentWrites {

    /** Enough for the handful of writers one interview has (candidate, transcription, scoring, reporting). */
    public static final int ATTEMPTS = 5;

    /** One attempt: the outcome, or empty when its conditional write lost and it must start again from the read. */
    @FunctionalInterface
    public interface Attempt<T> {
        Optional<T> run();
    }

    private ConcurrentWrites() {
    }

    /**
     * @param field what the caller is told conflicted ("session", "report", …)
     * @param what  the thing written, for the message ("the interview")
     */
    public static <T> T retry(String field, String what, Attempt<T> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<T> outcome = attempt.run();
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new DomainException.WriteConflict(field, what);
    }

    /** For attempts with no outcome: true when done (written, or nothing to write), false when the write lost. */
    public static void retry(String field, String what, BooleanSupplier attempt) {
        retry(field, what, () -> attempt.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
