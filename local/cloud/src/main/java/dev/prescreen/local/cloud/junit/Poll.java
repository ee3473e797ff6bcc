package dev.prescreen.local.cloud.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something asynchronous to happen, by asking again until a deadline; never a fixed sleep. */
public final class Poll {

    private Poll() {
    }

    /** Asks until the supplier yields a value, or fails with the description once the timeout has passed. */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        long pauseMillis = 20;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                // Back off between probes so polling does not load the emulators.
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 250);
        }
    }
}
