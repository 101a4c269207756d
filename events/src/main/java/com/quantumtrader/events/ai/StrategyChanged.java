package com.quantumtrader.events.ai;

/** The meta-strategy selector switched the active strategy. {@code previousStrategyId} may be null. */
public record StrategyChanged(
        String previousStrategyId,
        String strategyId,
        String reason) {
}
