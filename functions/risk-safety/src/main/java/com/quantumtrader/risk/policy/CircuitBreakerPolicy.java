package com.quantumtrader.risk.policy;

import java.math.BigDecimal;

/**
 * @param maxOrderFailures       failures within the window that trip the breaker
 * @param windowMinutes          the sliding window for counting failures
 * @param coolOffMinutes         how long new entries stay blocked once tripped
 * @param halfOpenMinutes        after the cool-off, how long entries run at reduced size before the breaker closes;
 *                               a trip cause (any order failure) within it reopens the breaker
 * @param halfOpenSizeMultiplier factor applied to sizes while half-open, 0 < x <= 1
 * @param abnormalMoveSigmas     a bar whose return exceeds this many standard deviations of the symbol's recent
 *                               returns trips the breaker
 */
public record CircuitBreakerPolicy(
        int maxOrderFailures,
        int windowMinutes,
        int coolOffMinutes,
        Integer halfOpenMinutes,
        BigDecimal halfOpenSizeMultiplier,
        BigDecimal abnormalMoveSigmas) {

    public CircuitBreakerPolicy {
        halfOpenMinutes = halfOpenMinutes != null ? halfOpenMinutes
                : RiskPolicySection.FRAGMENT.intDefault(FIELD + "half_open_minutes");
        halfOpenSizeMultiplier = halfOpenSizeMultiplier != null ? halfOpenSizeMultiplier
                : RiskPolicySection.FRAGMENT.decimalDefault(FIELD + "half_open_size_multiplier");
        abnormalMoveSigmas = abnormalMoveSigmas != null ? abnormalMoveSigmas
                : RiskPolicySection.FRAGMENT.decimalDefault(FIELD + "abnormal_move_sigmas");
    }

    /** Where the defaults of the optional fields are written: {@code policy/risk.schema.json}. */
    private static final String FIELD = "/properties/circuit_breaker/properties/";

    public CircuitBreakerPolicy(int maxOrderFailures, int windowMinutes, int coolOffMinutes) {
        this(maxOrderFailures, windowMinutes, coolOffMinutes, null, null, null);
    }
}
