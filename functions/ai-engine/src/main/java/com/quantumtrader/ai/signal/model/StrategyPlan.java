package com.quantumtrader.ai.signal.model;

import java.util.List;
import java.util.Map;

/**
 * Which strategies run on which symbol, with which parameters: the AI engine's {@code strategy_plan} policy
 * section resolved against the engine's strategies ({@link StrategyPlanSection#resolve}).
 *
 * @param defaults what runs on a symbol the plan does not name
 * @param bySymbol what runs on each named symbol instead (an empty list: nothing)
 */
public record StrategyPlan(List<PlannedStrategy> defaults, Map<String, List<PlannedStrategy>> bySymbol) {

    public StrategyPlan {
        defaults = List.copyOf(defaults);
        bySymbol = Map.copyOf(bySymbol);
    }

    public List<PlannedStrategy> forSymbol(String symbol) {
        return bySymbol.getOrDefault(symbol, defaults);
    }
}
