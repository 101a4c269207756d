package com.quantumtrader.ai.strategies;

/** {@code ma_crossover}: the trend rule with its full volatility band (ATR up to 3 % of price). */
public final class TrendFollowing extends MovingAverageCrossover {

    public TrendFollowing() {
        super("ma_crossover", 0.03, FittedCalibrations.MA_CROSSOVER);
    }
}
