package com.quantumtrader.execution.orders;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How often and how patiently the order manager tries again when the exchange is unavailable (timeouts, 5xx, rate
 * limits). Business rejections are never retried.
 *
 * @param maxAttempts attempts per order, the first included
 * @param initial     wait before the second attempt; doubles per attempt up to {@code max}, or longer when the
 *                    exchange asked for longer (Retry-After)
 * @param sleeper     how to wait; tests record instead of sleeping
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max, Consumer<Duration> sleeper) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but is " + maxAttempts);
        }
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Three attempts, 200 ms then 400 ms, real sleeping. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), RetryPolicy::sleep);
    }

    Duration backoff(int failedAttempts) {
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
