package com.quantumtrader.ai.strategy;

import java.util.List;
import java.util.Optional;

/**
 * The strategies of the AI engine. {@code ma_crossover} is the trend follower; {@code ma_crossover_defensive} is
 * the same crossover run carefully while the account is in drawdown: it trades only calm markets (ATR at most
 * 1.5 % of price instead of 3 %) and claims less confidence (ceiling 0.80 instead of 0.95), so risk's confidence
 * threshold screens out more of its weak crossings.
 */
public final class Strategies {

    public static final StrategyProfile TREND = new StrategyProfile(
            "ma_crossover", "ma_crossover", "ma_crossover@v1", 0.001, 0.03, 0.45);
    public static final StrategyProfile DEFENSIVE = new StrategyProfile(
            "ma_crossover_defensive", "ma_crossover", "ma_crossover_defensive@v1", 0.001, 0.015, 0.30);

    private static final List<StrategyProfile> ALL = List.of(TREND, DEFENSIVE);

    private Strategies() {
    }

    public static Optional<StrategyProfile> find(String strategyId) {
        return ALL.stream().filter(s -> s.strategyId().equals(strategyId)).findFirst();
    }
}
