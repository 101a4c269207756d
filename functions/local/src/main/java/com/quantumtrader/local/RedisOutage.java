package com.quantumtrader.local;

import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.bus.RetryBackoff;
import com.quantumtrader.core.redis.RedisFaults;
import com.quantumtrader.events.BusEvent;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rides out a Redis outage in the bar loop: a step that finds Redis unavailable (a stalled server's command timeout,
 * a stopped server's refused connection) waits with backoff and is tried again, and a delivery the bus puts off for
 * the same reason is counted, so the run pauses instead of dying and loses nothing. The local API's {@code /health}
 * reports the outage itself (its Redis check is critical).
 */
final class RedisOutage implements InProcessEventBus.RetryListener {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOutage.class);

    private final RetryBackoff backoff;
    private volatile boolean stopped;
    private volatile long pauses;

    RedisOutage(RetryBackoff backoff) {
        this.backoff = backoff;
    }

    /** Runs {@code step}, again after a backoff while Redis is unavailable; any other failure is thrown at once. */
    <T> T retryWhileUnavailable(String what, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = step.get();
                if (attempt > 1) {
                    LOG.warn("Redis is back: {} done after {} attempts, bar loop resumed", what, attempt);
                }
                return result;
            } catch (RuntimeException e) {
                if (stopped || !RedisFaults.unavailable(e)) {
                    throw e;
                }
                Duration wait = backoff.delay(attempt);
                pauses++;
                LOG.warn("Redis unavailable during {} (attempt {}): bar loop paused, trying again in {}: {}", what,
                        attempt, wait, e.toString());
                sleep(wait, e);
            }
        }
    }

    @Override
    public void putOff(String handler, BusEvent event, String reason, int attempt, Duration wait) {
        pauses++;
    }

    @Override
    public void resumed(String handler, BusEvent event, int attempts) {
        LOG.warn("{} took {} {} after {} attempts, bar loop resumed", handler, event.name(), event.eventId(), attempts);
    }

    /** How many times the run waited for Redis (put-off deliveries and paused steps). */
    long pauses() {
        return pauses;
    }

    /** Stops waiting (shutdown): the step that waits fails with its Redis error. */
    void stop() {
        stopped = true;
    }

    private void sleep(Duration wait, RuntimeException cause) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            throw cause;
        }
    }
}
