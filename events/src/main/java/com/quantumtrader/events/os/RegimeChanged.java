package com.quantumtrader.events.os;

/**
 * The market regime of a symbol changed.
 *
 * @param regime TRENDING_UP, TRENDING_DOWN, RANGING or VOLATILE
 */
public record RegimeChanged(
        String symbol,
        String previousRegime,
        String regime,
        double volatility,
        double trendStrength) {
}
