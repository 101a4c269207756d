package com.quantumtrader.events.ai;

/** A model's live performance fell below its supervisor's threshold. */
public record ModelDegraded(
        String modelId,
        String strategyId,
        String metric,
        double value,
        double threshold,
        int windowTrades) {
}
