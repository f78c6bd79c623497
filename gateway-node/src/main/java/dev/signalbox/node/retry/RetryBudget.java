package dev.signalbox.node.retry;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Bounds the retries of one target group, as Finagle's and Linkerd's retry budgets do: over a
 * sliding window, retries may add at most {@code percentCanRetry} % to the requests, plus a small
 * reserve of {@code minRetriesPerSecond} × window seconds so that a group with little traffic can
 * still retry. When the whole group is down, its requests stop multiplying into retries once the
 * budget is spent, instead of hitting dead targets (1 + retries) times each.
 *
 * <p>The window is kept as ten slices; a slice's requests and retries count until the window has
 * moved past it. Pure: the time comes from the injected clock. Thread-safe.
 */
public final class RetryBudget {

    private static final int SLICES = 10;
    /** Balances are counted in hundredths of a retry, so the percentage stays exact in integers. */
    private static final long ONE_RETRY = 100;

    private final long sliceNanos;
    private final int percentCanRetry;
    private final long reserve;
    private final LongSupplier nanoClock;
    private final long[] sliceOfSlot = new long[SLICES];
    private final long[] requests = new long[SLICES];
    private final long[] retries = new long[SLICES];

    /**
     * @param window              how long requests and retries count, at least ten nanoseconds
     * @param percentCanRetry     retries allowed per hundred requests
     * @param minRetriesPerSecond retries allowed per second of the window regardless of requests
     */
    public RetryBudget(Duration window, int percentCanRetry, int minRetriesPerSecond, LongSupplier nanoClock) {
        if (window.toNanos() < SLICES) {
            throw new IllegalArgumentException("the retry budget window is too short: " + window);
        }
        this.sliceNanos = window.toNanos() / SLICES;
        this.percentCanRetry = Math.max(percentCanRetry, 0);
        this.reserve = Math.max(minRetriesPerSecond, 0) * window.toMillis() / 1000;
        this.nanoClock = nanoClock;
        Arrays.fill(sliceOfSlot, Long.MIN_VALUE);
    }

    /** Counts a request, which earns the group {@code percentCanRetry} hundredths of a retry. */
    public synchronized void deposit() {
        requests[slot(currentSlice())]++;
    }

    /** Takes one retry from the budget if it has one; false means the request must not be retried. */
    public synchronized boolean tryWithdraw() {
        long slice = currentSlice();
        long requestsInWindow = 0;
        long retriesInWindow = 0;
        for (int i = 0; i < SLICES; i++) {
            if (sliceOfSlot[i] > slice - SLICES) {
                requestsInWindow += requests[i];
                retriesInWindow += retries[i];
            }
        }
        long balance = requestsInWindow * percentCanRetry + (reserve - retriesInWindow) * ONE_RETRY;
        if (balance < ONE_RETRY) {
            return false;
        }
        retries[slot(slice)]++;
        return true;
    }

    private long currentSlice() {
        return Math.floorDiv(nanoClock.getAsLong(), sliceNanos);
    }

    /** The slot of {@code slice}, emptied first if it still holds a slice that left the window. */
    private int slot(long slice) {
        int slot = (int) Math.floorMod(slice, SLICES);
        if (sliceOfSlot[slot] != slice) {
            sliceOfSlot[slot] = slice;
            requests[slot] = 0;
            retries[slot] = 0;
        }
        return slot;
    }
}
