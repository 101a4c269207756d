package com.quantumtrader.core.policy;

import java.math.BigDecimal;

/**
 * How risk decides that two symbols move together, for {@code max_correlated_exposure}.
 *
 * @param threshold  Pearson correlation of bar returns at or above which two symbols count as one bet (-1..1)
 *                   (default 0.7)
 * @param windowBars how many recent bar returns per symbol are kept and correlated (default 100)
 * @param minBars    fewer common returns than this and two symbols count as correlated, the cautious reading
 *                   (default 20)
 */
public record CorrelationPolicy(BigDecimal threshold, int windowBars, int minBars) {

    public static final CorrelationPolicy DEFAULTS = new CorrelationPolicy(new BigDecimal("0.7"), 100, 20);
}
