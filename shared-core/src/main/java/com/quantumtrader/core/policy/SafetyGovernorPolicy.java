package com.quantumtrader.core.policy;

import java.math.BigDecimal;

/**
 * How system and model health scale or block entries (on top of the mode's {@code size_multiplier}).
 *
 * @param degradedModelMultiplier  size factor for signals of a model reported degraded, 0..1 (0 blocks them)
 *                                 (default 0.5)
 * @param degradedSystemMultiplier size factor while the OS reports a degraded component, 0..1 (default 0.5)
 * @param healthHoldMinutes        how long a degradation report stays in force without a new one, in minutes
 *                                 (default 240)
 */
public record SafetyGovernorPolicy(
        BigDecimal degradedModelMultiplier,
        BigDecimal degradedSystemMultiplier,
        int healthHoldMinutes) {

    public static final SafetyGovernorPolicy DEFAULTS =
            new SafetyGovernorPolicy(new BigDecimal("0.5"), new BigDecimal("0.5"), 240);
}
