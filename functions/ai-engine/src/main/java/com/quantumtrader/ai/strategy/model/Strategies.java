package com.quantumtrader.ai.strategy.model;

import java.util.List;
import java.util.Optional;

/**
 * The trend strategy's variants: {@code ma_crossover} and {@code ma_crossover_defensive}, the same crossover run
 * carefully while the account is in drawdown (it trades only calm markets: ATR at most 1.5 % of price instead of
 * 3 %). While the defensive variant is active it runs wherever the strategy plan runs {@code ma_crossover}.
 */
public final class Strategies {

    public static final StrategyProfile TREND = new StrategyProfile("ma_crossover", "ma_crossover");
    public static final StrategyProfile DEFENSIVE = new StrategyProfile("ma_crossover_defensive", "ma_crossover");

    private static final List<StrategyProfile> ALL = List.of(TREND, DEFENSIVE);

    private Strategies() {
    }

    public static Optional<StrategyProfile> find(String strategyId) {
        return ALL.stream().filter(s -> s.strategyId().equals(strategyId)).findFirst();
    }
}
