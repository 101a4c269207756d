package com.quantumtrader.portfolio.valuation.model;

import com.quantumtrader.portfolio.positions.model.Money;
import com.quantumtrader.portfolio.valuation.model.DrawdownState.AlertLevel;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The drawdown alert: the equity peak so far and the deepest threshold the drawdown from it reached. Each upward
 * crossing of the alert or the emergency threshold is raised once; falling back below re-arms it. Pure.
 */
public final class DrawdownWatch {

    private DrawdownWatch() {
    }

    /** The policy's thresholds, fractions of the peak. */
    public record Limits(BigDecimal alert, BigDecimal emergency) {
    }

    /** A threshold crossed upwards. */
    public record Crossing(BigDecimal drawdown, BigDecimal threshold, BigDecimal equity, BigDecimal peak) {
    }

    /** The state to keep, and the crossing to raise, if any. */
    public record Check(DrawdownState state, Optional<Crossing> crossing) {
    }

    public static Check check(DrawdownState previous, Valuation valuation, Limits limits) {
        BigDecimal peak = previous.peakEquity().max(valuation.equity());
        BigDecimal drawdown = valuation.drawdownFrom(peak);
        AlertLevel level = drawdown.compareTo(limits.emergency()) >= 0 ? AlertLevel.EMERGENCY
                : drawdown.compareTo(limits.alert()) >= 0 ? AlertLevel.ALERT : AlertLevel.NONE;
        DrawdownState next = new DrawdownState(peak, level);
        if (level.compareTo(previous.alertLevel()) <= 0) {
            return new Check(next, Optional.empty());
        }
        BigDecimal threshold = level == AlertLevel.EMERGENCY ? limits.emergency() : limits.alert();
        return new Check(next, Optional.of(new Crossing(drawdown, threshold, valuation.equity(),
                Money.amount(peak))));
    }
}
