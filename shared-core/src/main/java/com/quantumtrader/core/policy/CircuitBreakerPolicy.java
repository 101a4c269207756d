package com.quantumtrader.core.policy;

import java.math.BigDecimal;

/**
 * @param maxOrderFailures       failures within the window that trip the breaker
 * @param windowMinutes          the sliding window for counting failures
 * @param coolOffMinutes         how long new entries stay blocked once tripped
 * @param halfOpenMinutes        after the cool-off, how long entries run at reduced size before the breaker closes;
 *                               a trip cause (any order failure) within it reopens the breaker (default 60)
 * @param halfOpenSizeMultiplier factor applied to sizes while half-open, 0 < x <= 1 (default 0.5)
 * @param abnormalMoveSigmas     a bar whose return exceeds this many standard deviations of the symbol's recent
 *                               returns trips the breaker (default 6)
 */
public record CircuitBreakerPolicy(
        int maxOrderFailures,
        int windowMinutes,
        int coolOffMinutes,
        Integer halfOpenMinutes,
        BigDecimal halfOpenSizeMultiplier,
        BigDecimal abnormalMoveSigmas) {

    public CircuitBreakerPolicy {
        halfOpenMinutes = halfOpenMinutes != null ? halfOpenMinutes : 60;
        halfOpenSizeMultiplier = halfOpenSizeMultiplier != null ? halfOpenSizeMultiplier : new BigDecimal("0.5");
        abnormalMoveSigmas = abnormalMoveSigmas != null ? abnormalMoveSigmas : new BigDecimal("6");
    }

    public CircuitBreakerPolicy(int maxOrderFailures, int windowMinutes, int coolOffMinutes) {
        this(maxOrderFailures, windowMinutes, coolOffMinutes, null, null, null);
    }
}
