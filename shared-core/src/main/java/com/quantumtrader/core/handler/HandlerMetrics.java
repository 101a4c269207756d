package com.quantumtrader.core.handler;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Per-handler counters (handled, duplicates, rejected, failed, put off) and a latency histogram in microseconds. */
public final class HandlerMetrics {

    private final LongAdder handled = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retriesLater = new LongAdder();
    private final Histogram latencyMicros = new ConcurrentHistogram(3);

    void record(HandlerOutcome outcome, long nanos) {
        switch (outcome.status()) {
            case HANDLED -> handled.increment();
            case DUPLICATE -> duplicates.increment();
            case REJECTED -> rejected.increment();
            case FAILED -> failed.increment();
            case RETRY_LATER -> retriesLater.increment();
        }
        latencyMicros.recordValue(Math.max(0, nanos / 1_000));
    }

    public long handled() {
        return handled.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Deliveries put off: claimed by another attempt, or Redis unreachable. */
    public long retriesLater() {
        return retriesLater.sum();
    }

    public long latencyMicrosAtPercentile(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile);
    }
}
