package com.quantumtrader.ai.signal.model;

import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.strategy.model.StrategyProfile;
import com.quantumtrader.ai.strategy.model.Strategies;
import com.quantumtrader.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * What actually runs on a symbol's bar: its planned strategies, with the trend strategy replaced by the variant the
 * meta-strategy selector chose (validated from the same raw parameters), and only those the policy's
 * {@code strategies} switches leave on.
 */
public final class PlanForBar {

    /** Bars every window keeps at least: the trend rule's default history, as the engine always kept. */
    public static final int MINIMUM_WINDOW = 31;

    private PlanForBar() {
    }

    public static List<PlannedStrategy> running(List<PlannedStrategy> planned, StrategyProfile active,
                                                Policy policy, StrategyCatalog catalog) {
        List<PlannedStrategy> running = new ArrayList<>();
        for (PlannedStrategy strategy : planned) {
            if (strategy.strategyId().equals(Strategies.TREND.strategyId())) {
                StrategyFactory variant = catalog.find(active.strategyId()).orElse(strategy.factory());
                if (active.enabledIn(policy)) {
                    running.add(variant == strategy.factory() ? strategy
                            : new PlannedStrategy(variant, variant.validate(strategy.raw()), strategy.raw()));
                }
            } else if (policy.strategyEnabled(strategy.strategyId())) {
                running.add(strategy);
            }
        }
        return running;
    }

    /** How many bars the symbol's window keeps: enough for every planned strategy, at least the minimum. */
    public static int windowCapacity(List<PlannedStrategy> planned) {
        int capacity = MINIMUM_WINDOW;
        for (PlannedStrategy strategy : planned) {
            capacity = Math.max(capacity, strategy.historyBars());
        }
        return capacity;
    }
}
