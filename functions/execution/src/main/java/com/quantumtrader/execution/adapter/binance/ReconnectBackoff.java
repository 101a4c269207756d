package com.quantumtrader.execution.adapter.binance;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a Binance stream client reconnects after its connection dropped (network, or Binance's 24 h cut): after
 * {@code initial}, doubling at every further failure up to {@code max}, back to {@code initial} once a connection
 * delivered something ({@link #reset}). Shared by the market-data and the user-data stream clients.
 */
final class ReconnectBackoff {

    /** Runs a task after a wait: the client's own scheduler thread, or a recorder in tests. */
    @FunctionalInterface
    interface Delay {
        void after(Duration wait, Runnable task);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectBackoff.class);

    private final String stream;
    private final Duration initial;
    private final Duration max;
    private final Delay delay;
    private Duration next;

    /** @param stream how the log names the stream, e.g. {@code "market stream"} */
    ReconnectBackoff(String stream, Duration initial, Duration max, Delay delay) {
        this.stream = Objects.requireNonNull(stream, "stream");
        requireValid(initial, max);
        this.initial = initial;
        this.max = max;
        this.delay = Objects.requireNonNull(delay, "delay");
        this.next = initial;
    }

    /** Waits on {@code executor}'s thread. */
    static Delay on(ScheduledExecutorService executor) {
        return (wait, task) -> executor.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void requireValid(Duration initial, Duration max) {
        if (initial == null || max == null || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff must be positive and at most maxBackoff");
        }
    }

    /** Schedules {@code connect} after the current wait, and doubles the next one (up to the bound). */
    Duration reconnect(String why, Runnable connect) {
        Duration wait;
        synchronized (this) {
            wait = next;
            Duration doubled = next.multipliedBy(2);
            next = doubled.compareTo(max) > 0 ? max : doubled;
        }
        LOG.warn("{} down ({}), reconnecting in {} ms", stream, why, wait.toMillis());
        delay.after(wait, connect);
        return wait;
    }

    /** The connection works again: the next drop waits {@code initial} again. */
    synchronized void reset() {
        next = initial;
    }
}
