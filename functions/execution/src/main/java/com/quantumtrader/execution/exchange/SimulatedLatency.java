package com.quantumtrader.execution.exchange;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long an order takes from our process to the simulated matching engine: {@code base} plus a jitter drawn
 * uniformly from [0, {@code jitter}] in whole milliseconds. The draw depends only on the seed and the client order
 * id, so the same run with the same seed sees the same delays no matter in which order orders are placed or
 * whether the process restarted in between.
 */
public record SimulatedLatency(Duration base, Duration jitter, long seed) {

    // Real order latency is milliseconds; hours are allowed so coarse bars can show the effect, more is a typo.
    private static final Duration MAX = Duration.ofHours(2);

    /** No delay: an order is live the moment it is placed (the simulator's original behaviour). */
    public static final SimulatedLatency NONE = new SimulatedLatency(Duration.ZERO, Duration.ZERO, 0L);

    public SimulatedLatency {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(jitter, "jitter");
        if (base.isNegative() || jitter.isNegative() || base.plus(jitter).compareTo(MAX) > 0) {
            throw new IllegalArgumentException("latency base and jitter must be >= 0 and at most " + MAX
                    + " together, but are " + base + " and " + jitter);
        }
    }

    public boolean none() {
        return base.isZero() && jitter.isZero();
    }

    /** The delay of one order; the same for the same seed and client id, always. */
    public Duration delayOf(String clientOrderId) {
        long jitterMillis = jitter.toMillis();
        if (jitterMillis == 0) {
            return base;
        }
        // String.hashCode is specified by the JLS, so the draw is the same on every JVM.
        long draw = new SplittableRandom(seed * 31 + clientOrderId.hashCode()).nextLong(jitterMillis + 1);
        return base.plusMillis(draw);
    }
}
