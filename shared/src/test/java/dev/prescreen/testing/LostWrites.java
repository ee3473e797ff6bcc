package dev.prescreen.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Write conflicts a test injects into an in-memory repository: the next n conditional writes lose. */
public final class LostWrites {

    private final AtomicInteger toLose = new AtomicInteger();

    /** The next {@code count} conditional writes lose, as to a concurrent writer. */
    public void loseNext(int count) {
        toLose.set(count);
    }

    /** Whether this conditional write loses (counting it). */
    public boolean loses() {
        return toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
