package com.quantumtrader.risk.policy;

import java.math.BigDecimal;

/**
 * How system and model health scale or block entries (on top of the mode's {@code size_multiplier}).
 *
 * @param degradedModelMultiplier  size factor for signals of a model reported degraded, 0..1 (0 blocks them)
 * @param degradedSystemMultiplier size factor while the OS reports a degraded component, 0..1
 * @param healthHoldMinutes        how long a degradation report stays in force without a new one, in minutes
 */
public record SafetyGovernorPolicy(
        BigDecimal degradedModelMultiplier,
        BigDecimal degradedSystemMultiplier,
        int healthHoldMinutes) {

    /** The shipped value ({@code policy/risk.schema.json}), also taken when a document omits the section. */
    public static final SafetyGovernorPolicy DEFAULTS =
            
            RiskPolicySection.FRAGMENT.shippedDefault("safety_governor", SafetyGovernorPolicy.class);
}
