package com.quantumtrader.core.bus;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying a put-off delivery (or a step that found Redis unavailable) again: {@code first},
 * then doubling, at most {@code max}.
 */
public record RetryBackoff(Duration first, Duration max) {

    public RetryBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.toMillis() < 1 || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 1 ms <= first <= max, got first " + first + ", max " + max);
        }
    }

    /** 100 ms doubling to 5 s: a short stall costs little, a long outage is polled a few times a minute at most. */
    public static RetryBackoff defaults() {
        return new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
