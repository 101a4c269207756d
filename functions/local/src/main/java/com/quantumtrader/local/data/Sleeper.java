package com.quantumtrader.local.data;

import java.time.Duration;

/** Waits; tests pass one that advances their clock instead, so no test sleeps. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(Math.max(0, duration.toMillis()));
    }
}
