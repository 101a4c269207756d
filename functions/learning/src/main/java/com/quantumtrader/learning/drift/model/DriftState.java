package com.quantumtrader.learning.drift.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One strategy's outcomes as the drift detector needs them: counts of the baseline (every trade before the recent
 * window), the recent window's outcomes oldest first, and whether the current drift episode was already reported.
 */
public record DriftState(int baselineTrades, int baselineWins, List<Boolean> recent, boolean latched) {

    public DriftState {
        recent = List.copyOf(recent);
    }

    public static DriftState empty() {
        return new DriftState(0, 0, List.of(), false);
    }

    /** Adds an outcome to the recent window; the outcome it pushes out joins the baseline. */
    public DriftState add(boolean win, int window) {
        List<Boolean> next = new ArrayList<>(recent);
        next.add(win);
        int trades = baselineTrades;
        int wins = baselineWins;
        while (next.size() > window) {
            trades++;
            wins += next.remove(0) ? 1 : 0;
        }
        return new DriftState(trades, wins, next, latched);
    }

    public int recentWins() {
        return (int) recent.stream().filter(Boolean::booleanValue).count();
    }

    public DriftState withLatched(boolean value) {
        return new DriftState(baselineTrades, baselineWins, recent, value);
    }
}
