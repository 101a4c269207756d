package com.quantumtrader.events.learning;

/** A strategy left shadow testing for live trading. */
public record StrategyPromoted(
        String strategyId,
        String replacesStrategyId,
        String metric,
        double value) {
}
