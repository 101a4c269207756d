package com.quantumtrader.learning.drift.model;

import com.quantumtrader.events.learning.DriftDetected;
import java.util.Optional;

/**
 * Does the win rate of a strategy's last {@value #RECENT_TRADES} trades still look like the win rate of every
 * trade before them?
 * <ul>
 *   <li>Test: the pooled two-proportion z-test ({@link TwoProportionZ}) of the recent window against the
 *       baseline, once the baseline holds at least {@value #MIN_BASELINE_TRADES} trades (a win is realised P&L above
 *       zero).</li>
 *   <li>Drift when |z| > {@value #Z_CRITICAL} (two-sided, 99 %): by chance alone that happens about once in a
 *       hundred evaluations, so a report is worth acting on.</li>
 *   <li>Reported once per crossing: the state stays latched until |z| is back within the bound, then the next
 *       crossing can be reported.</li>
 * </ul>
 */
public final class WinRateDrift {

    public static final int RECENT_TRADES = 20;
    public static final int MIN_BASELINE_TRADES = 30;
    public static final double Z_CRITICAL = 2.576;

    private WinRateDrift() {
    }

    /** The state after one more outcome, and the drift to report if this outcome crossed the bound. */
    public record Observation(DriftState state, Optional<DriftDetected> drift) {
    }

    public static Observation observe(DriftState before, String strategyId, boolean win) {
        DriftState state = before.add(win, RECENT_TRADES);
        if (state.recent().size() < RECENT_TRADES || state.baselineTrades() < MIN_BASELINE_TRADES) {
            return new Observation(state, Optional.empty());
        }
        int recentWins = state.recentWins();
        double z = TwoProportionZ.z(recentWins, RECENT_TRADES, state.baselineWins(), state.baselineTrades());
        boolean drifting = Math.abs(z) > Z_CRITICAL;
        Optional<DriftDetected> drift = drifting && !state.latched()
                ? Optional.of(new DriftDetected(strategyId, "win_rate", (double) recentWins / RECENT_TRADES,
                        (double) state.baselineWins() / state.baselineTrades(), z, Z_CRITICAL, RECENT_TRADES,
                        state.baselineTrades()))
                : Optional.empty();
        return new Observation(state.withLatched(drifting), drift);
    }
}
