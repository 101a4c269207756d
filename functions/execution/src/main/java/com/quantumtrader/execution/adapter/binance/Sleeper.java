package com.quantumtrader.execution.adapter.binance;

import java.time.Duration;

/** How the client waits between attempts; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    };

    void sleep(Duration duration);
}
