package com.quantumtrader.core.time;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic jobs on real time: one daemon thread (it never keeps the JVM alive), fixed-rate runs. Jobs share the
 * thread, so a long job delays the others rather than overlapping with itself.
 */
public final class SystemScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ScheduledThreadPoolExecutor executor;

    public SystemScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public ScheduledTask schedule(String name, Duration initialDelay, Duration period, Runnable job) {
        GuardedJobs.requireValid(name, initialDelay, period, job);
        ScheduledFuture<?> future;
        try {
            // a periodic task that throws is never run again, so every run is guarded
            future = executor.scheduleAtFixedRate(() -> GuardedJobs.run(name, job), initialDelay.toNanos(),
                    period.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("scheduler is closed: cannot schedule " + name, e);
        }
        LOG.debug("scheduled {} every {}", name, period);
        return new ScheduledTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void cancel() {
                future.cancel(false);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a scheduled job did not finish within {}; interrupting it", CLOSE_WAIT);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
