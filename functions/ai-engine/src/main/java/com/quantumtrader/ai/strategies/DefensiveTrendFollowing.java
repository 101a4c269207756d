package com.quantumtrader.ai.strategies;

/**
 * {@code ma_crossover_defensive}: the trend rule run carefully while the account is in drawdown (the meta-strategy
 * selector swaps it in for {@code ma_crossover}): it trades only calm markets, ATR at most 1.5 % of price.
 */
public final class DefensiveTrendFollowing extends MovingAverageCrossover {

    public DefensiveTrendFollowing() {
        super("ma_crossover_defensive", 0.015, FittedCalibrations.MA_CROSSOVER_DEFENSIVE);
    }
}
