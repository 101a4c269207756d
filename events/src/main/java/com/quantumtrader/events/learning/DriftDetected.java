package com.quantumtrader.events.learning;

/** A strategy's recent results depart from its long-run results by more than chance explains. */
public record DriftDetected(
        String strategyId,
        String metric,
        double recentValue,
        double baselineValue,
        double statistic,
        double threshold,
        int recentTrades,
        int baselineTrades) {
}
