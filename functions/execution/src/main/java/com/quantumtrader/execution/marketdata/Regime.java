package com.quantumtrader.execution.marketdata;

import java.util.SplittableRandom;

/**
 * A market state of the synthetic feed: drift and volatility of log returns per hour, how much volume trades
 * relative to normal, and how likely the state is to persist for another hour (a Markov chain; leaving it picks
 * one of the other three with equal probability).
 */
enum Regime {
    TRENDING_UP(0.0012, 0.004, 1.2, 0.97),
    TRENDING_DOWN(-0.0012, 0.005, 1.3, 0.97),
    /** Drift pulls price back to where the range began, so it oscillates instead of wandering. */
    RANGING(0.0, 0.003, 0.8, 0.97),
    VOLATILE(0.0, 0.014, 2.2, 0.94);

    final double driftPerHour;
    final double volatilityPerHour;
    final double volumeFactor;
    private final double stayPerHour;

    Regime(double driftPerHour, double volatilityPerHour, double volumeFactor, double stayPerHour) {
        this.driftPerHour = driftPerHour;
        this.volatilityPerHour = volatilityPerHour;
        this.volumeFactor = volumeFactor;
        this.stayPerHour = stayPerHour;
    }

    /** The regime of the next bar; persistence scales with the bar length so regimes last as long at any interval. */
    Regime next(SplittableRandom random, double hours) {
        if (random.nextDouble() < Math.pow(stayPerHour, hours)) {
            return this;
        }
        int pick = random.nextInt(values().length - 1);
        return values()[pick >= ordinal() ? pick + 1 : pick];
    }
}
