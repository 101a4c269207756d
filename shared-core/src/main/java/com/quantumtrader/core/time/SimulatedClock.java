package com.quantumtrader.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when told: backtests and the synthetic paper feed run on it and replay bit for bit. */
public final class SimulatedClock extends Clock {

    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    public void advanceTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("simulated time cannot go back from " + now + " to " + instant);
        }
        now = instant;
    }

    public void advance(Duration duration) {
        advanceTo(now.plus(duration));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new IllegalArgumentException("simulated time is UTC only");
        }
        return this;
    }
}
