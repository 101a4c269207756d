package com.quantumtrader.core.health;

import com.quantumtrader.core.time.Scheduler;
import com.quantumtrader.core.trace.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named health checks in parallel on its own daemon threads and aggregates them: a critical check that is
 * {@code DOWN} makes the platform {@code DOWN}; a degraded check, or a non-critical one that is down, makes it
 * {@code DEGRADED}. A report younger than the cache TTL is served as is (the seed's 5 s); a scheduled refresh keeps
 * it warm (the seed's 30 s). No caller waits longer than the check timeout: a check that has not answered by then
 * is reported {@code DOWN} with "timeout", and it is not started again while it still hangs.
 */
public final class HealthChecker implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration timeout;
    private final Map<String, Registered> checks = new LinkedHashMap<>();
    private final ExecutorService pool;
    private final Object refreshLock = new Object();
    private volatile HealthReport latest;

    public HealthChecker(Clock clock) {
        this(clock, DEFAULT_CACHE_TTL, DEFAULT_TIMEOUT);
    }

    public HealthChecker(Clock clock, Duration cacheTtl, Duration timeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cacheTtl = requirePositive(cacheTtl, "cache TTL");
        this.timeout = requirePositive(timeout, "timeout");
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "health-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A check whose failure means the platform cannot work. */
    public HealthChecker register(String name, HealthCheck check) {
        return add(name, check, true);
    }

    /** A check whose failure degrades the platform but does not stop it. */
    public HealthChecker registerNonCritical(String name, HealthCheck check) {
        return add(name, check, false);
    }

    /** Refreshes the report every {@code interval} on {@code scheduler}, starting now. */
    public Scheduler.ScheduledTask refreshEvery(Scheduler scheduler, Duration interval) {
        return scheduler.schedule("health-checks", Duration.ZERO, interval, this::refresh);
    }

    /** The cached report while it is younger than the cache TTL, otherwise a fresh one (bounded by the timeout). */
    public HealthReport report() {
        HealthReport cached = latest;
        if (isFresh(cached)) {
            return cached;
        }
        synchronized (refreshLock) {
            // another caller may have refreshed while this one waited for the lock
            return isFresh(latest) ? latest : refresh();
        }
    }

    /** Runs every check now, in parallel, waiting at most the timeout. */
    public HealthReport refresh() {
        synchronized (refreshLock) {
            List<Registered> snapshot;
            synchronized (checks) {
                snapshot = new ArrayList<>(checks.values());
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, Future<CheckResult>> started = new LinkedHashMap<>();
            for (Registered check : snapshot) {
                started.put(check.name, start(check));
            }
            Map<String, CheckResult> results = new LinkedHashMap<>();
            HealthStatus overall = HealthStatus.UP;
            for (Registered check : snapshot) {
                CheckResult result = await(check, started.get(check.name), deadline);
                results.put(check.name, result);
                overall = overall.worst(contribution(check, result));
            }
            HealthReport report = new HealthReport(overall, clock.instant(), results);
            logTransition(latest, report);
            latest = report;
            return report;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private HealthChecker add(String name, HealthCheck check, boolean critical) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a health check needs a name");
        }
        Objects.requireNonNull(check, "check");
        synchronized (checks) {
            if (checks.putIfAbsent(name, new Registered(name, check, critical)) != null) {
                throw new IllegalArgumentException("health check '" + name + "' is already registered");
            }
        }
        return this;
    }

    private Future<CheckResult> start(Registered check) {
        if (!check.running.compareAndSet(false, true)) {
            return null; // the previous run still hangs: do not pile up threads behind it
        }
        try {
            return pool.submit(() -> {
                try {
                    return check.check.check();
                } finally {
                    check.running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            check.running.set(false);
            throw new IllegalStateException("health checker is closed", e);
        }
    }

    private CheckResult await(Registered check, Future<CheckResult> future, long deadline) {
        if (future == null) {
            return CheckResult.down("timeout: the previous check has not returned yet");
        }
        try {
            CheckResult result = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return result != null ? result : CheckResult.down("check returned no result");
        } catch (TimeoutException e) {
            future.cancel(true);
            return CheckResult.down("timeout: no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return CheckResult.down(Secrets.maskedMessage(cause));
        } catch (CancellationException e) {
            return CheckResult.down("check was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return CheckResult.down("interrupted while waiting for the check");
        }
    }

    private static HealthStatus contribution(Registered check, CheckResult result) {
        if (result.status() == HealthStatus.DOWN && !check.critical) {
            return HealthStatus.DEGRADED;
        }
        return result.status();
    }

    private boolean isFresh(HealthReport report) {
        return report != null && Duration.between(report.checkedAt(), clock.instant()).compareTo(cacheTtl) < 0;
    }

    private static void logTransition(HealthReport previous, HealthReport current) {
        HealthStatus before = previous == null ? null : previous.status();
        if (before == current.status()) {
            return;
        }
        if (current.status() == HealthStatus.UP) {
            LOG.info("health {} -> UP", before);
        } else {
            LOG.warn("health {} -> {}: {}", before, current.status(), current.checks());
        }
    }

    private static Duration requirePositive(Duration value, String what) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    private static final class Registered {

        private final String name;
        private final HealthCheck check;
        private final boolean critical;
        private final AtomicBoolean running = new AtomicBoolean();

        private Registered(String name, HealthCheck check, boolean critical) {
            this.name = name;
            this.check = check;
            this.critical = critical;
        }
    }
}
