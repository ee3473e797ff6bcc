package dev.prescreen.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again. Timeouts, connection failures, 5xx, 408 and 429 are retried with
 * exponential backoff (30 s doubling, at most an hour apart) and full jitter, honouring a Retry-After that asks
 * for longer, until a day has passed since the series began; any other 4xx is final.
 */
public final class RetryPolicy {

    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    /** What an answer means for the delivery. */
    public enum Verdict { DELIVERED, RETRY, FINAL_FAILURE }

    private final DoubleSupplier random;
    private final Duration firstBackoff;

    /** @param random uniform in [0, 1): the jitter's source (fixed in tests) */
    public RetryPolicy(DoubleSupplier random) {
        this(random, FIRST_BACKOFF);
    }

    /** @param firstBackoff the first wait's ceiling ({@link #FIRST_BACKOFF}; shorter on a test stack) */
    public RetryPolicy(DoubleSupplier random, Duration firstBackoff) {
        this.random = random;
        this.firstBackoff = firstBackoff;
    }

    public static Verdict verdict(Integer httpStatus) {
        if (httpStatus == null) {
            return Verdict.RETRY; // no answer: timeout, refused or reset connection
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            return Verdict.DELIVERED;
        }
        if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429) {
            return Verdict.RETRY;
        }
        return Verdict.FINAL_FAILURE;
    }

    /**
     * When to try again after the given failed attempt (1 = the first), or empty when the series is over a day old
     * by then.
     */
    public Optional<Instant> nextAttempt(int attempt, Instant now, Instant cycleStartedAt, Optional<Duration> retryAfter) {
        long exponent = Math.min(attempt - 1, 20);
        Duration ceiling = firstBackoff.multipliedBy(1L << exponent);
        if (ceiling.compareTo(MAX_BACKOFF) > 0) {
            ceiling = MAX_BACKOFF;
        }
        // full jitter between half the ceiling and the ceiling, so retries of many deliveries spread out
        Duration wait = Duration.ofMillis((long) (ceiling.toMillis() * (0.5 + random.getAsDouble() / 2)));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        Instant next = now.plus(wait);
        return next.isAfter(cycleStartedAt.plus(GIVE_UP_AFTER)) ? Optional.empty() : Optional.of(next);
    }

    /** A Retry-After header: seconds, or an HTTP date; anything else is ignored. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (java.time.format.DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
