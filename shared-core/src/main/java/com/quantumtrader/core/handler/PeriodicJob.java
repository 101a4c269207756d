package com.quantumtrader.core.handler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Work a domain does on a cadence (e.g. the portfolio performance snapshot): an EventBridge schedule in AWS,
 * the scheduler of the local runtime on real or simulated time. Each run starts a new trace.
 */
public record PeriodicJob(String name, Duration period, Supplier<List<Emit>> job) {

    public PeriodicJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(job, "job");
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive");
        }
    }
}
