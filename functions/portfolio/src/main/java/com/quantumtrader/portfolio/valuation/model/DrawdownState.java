package com.quantumtrader.portfolio.valuation.model;

import java.math.BigDecimal;

/**
 * Mark-to-market's memory: the equity peak and which drawdown threshold was last crossed, so each crossing
 * raises one alert and falling back below re-arms it.
 */
public record DrawdownState(BigDecimal peakEquity, AlertLevel alertLevel) {

    public enum AlertLevel { NONE, ALERT, EMERGENCY }

    /** Before any mark: the peak is the starting equity, no alert raised. */
    public static DrawdownState initial(BigDecimal startingEquity) {
        return new DrawdownState(startingEquity, AlertLevel.NONE);
    }
}
