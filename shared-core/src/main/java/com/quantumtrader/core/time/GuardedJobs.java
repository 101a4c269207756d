package com.quantumtrader.core.time;

import com.quantumtrader.core.trace.Secrets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both schedulers agree on: what a valid job is, and that a failing run is logged, never fatal. */
final class GuardedJobs {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private GuardedJobs() {
    }

    static void requireValid(String name, Duration initialDelay, Duration period, Runnable job) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scheduled job needs a name");
        }
        if (job == null) {
            throw new IllegalArgumentException("job " + name + " has no work to run");
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("job " + name + ": period must be positive, got " + period);
        }
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("job " + name + ": initial delay must not be negative, got " + initialDelay);
        }
    }

    static void run(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.error("scheduled job {} failed: {}", name, Secrets.maskedMessage(e), e);
        }
    }
}
