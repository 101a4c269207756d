package com.quantumtrader.ai.supervision.model;

/**
 * When a model counts as degraded over its last {@value #WINDOW} closed trades.
 * <ul>
 *   <li>Degraded, with at least {@value #MIN_TRADES} trades in the window, when the win rate (share of trades with
 *       positive realised P&L) is below {@value #MIN_WIN_RATE} or the mean R multiple is below
 *       {@value #MIN_MEAN_R}. With a 1.5 R target and 1 R stop, a 30 % win rate is an expectancy of about -0.25 R per
 *       trade: the model is losing money, not just unlucky.</li>
 *   <li>Reported once when it becomes degraded (the win-rate breach is named first when both are breached), then
 *       quiet until it recovers: win rate at least {@value #RECOVERY_WIN_RATE} and mean R at least
 *       {@value #RECOVERY_MEAN_R} (hysteresis, so a model on the edge does not alert on every trade).</li>
 * </ul>
 */
public final class DegradationRule {

    public static final int WINDOW = 20;
    static final int MIN_TRADES = 10;
    static final double MIN_WIN_RATE = 0.30;
    static final double MIN_MEAN_R = -0.25;
    static final double RECOVERY_WIN_RATE = 0.35;
    static final double RECOVERY_MEAN_R = -0.10;

    private DegradationRule() {
    }

    /** The window after judging it, and the breach to report (null when there is nothing to report). */
    public record Verdict(OutcomeWindow window, Breach breach) {
    }

    /** A newly detected degradation: the metric breached, its value and threshold, over how many trades. */
    public record Breach(String metric, double value, double threshold, int trades) {
    }

    public static Verdict judge(OutcomeWindow window) {
        int trades = window.outcomes().size();
        double winRate = window.winRate();
        double meanR = window.meanR();
        if (!window.degraded() && trades >= MIN_TRADES && (winRate < MIN_WIN_RATE || meanR < MIN_MEAN_R)) {
            boolean winRateBreached = winRate < MIN_WIN_RATE;
            Breach breach = winRateBreached ? new Breach("win_rate", winRate, MIN_WIN_RATE, trades)
                    : new Breach("mean_r_multiple", meanR, MIN_MEAN_R, trades);
            return new Verdict(window.withDegraded(true), breach);
        }
        if (window.degraded() && winRate >= RECOVERY_WIN_RATE && meanR >= RECOVERY_MEAN_R) {
            return new Verdict(window.withDegraded(false), null);
        }
        return new Verdict(window, null);
    }
}
