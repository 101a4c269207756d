package com.quantumtrader.core.time;

import java.time.Duration;

/**
 * Runs periodic jobs (a domain's {@code PeriodicJob}s, health checks): on real time with {@link SystemScheduler},
 * on simulated time with {@link SimulatedScheduler}. A job that throws is logged and runs again at its next period.
 */
public interface Scheduler extends AutoCloseable {

    /** Runs {@code job} every {@code period}, the first time one period from now. */
    default ScheduledTask schedule(String name, Duration period, Runnable job) {
        return schedule(name, period, period, job);
    }

    /** Runs {@code job} after {@code initialDelay} (zero: now), then every {@code period}. */
    ScheduledTask schedule(String name, Duration initialDelay, Duration period, Runnable job);

    /** Stops every job; a job already running finishes first. */
    @Override
    void close();

    /** A scheduled job, to cancel it. */
    interface ScheduledTask {

        String name();

        void cancel();
    }
}
