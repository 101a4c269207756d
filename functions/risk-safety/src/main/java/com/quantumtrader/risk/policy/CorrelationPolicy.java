package com.quantumtrader.risk.policy;

import java.math.BigDecimal;

/**
 * How risk decides that two symbols move together, for {@code max_correlated_exposure}.
 *
 * @param threshold  Pearson correlation of bar returns at or above which two symbols count as one bet (-1..1)
 * @param windowBars how many recent bar returns per symbol are kept and correlated
 * @param minBars    fewer common returns than this and two symbols count as correlated, the cautious reading
 */
public record CorrelationPolicy(BigDecimal threshold, int windowBars, int minBars) {

    /** The shipped value ({@code policy/risk.schema.json}), also taken when a document omits the section. */
    public static final CorrelationPolicy DEFAULTS =
            RiskPolicySection.FRAGMENT.shippedDefault("correlation", CorrelationPolicy.class);
}
