package com.quantumtrader.ai.signal.model;

import java.util.List;

/** A {@code strategy_plan} section that cannot run: every problem, each naming its field. */
public final class StrategyPlanException extends IllegalArgumentException {

    private final List<String> problems;

    public StrategyPlanException(List<String> problems) {
        super("invalid strategy_plan: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
