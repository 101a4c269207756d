package com.quantumtrader.portfolio.valuation;

import java.math.BigDecimal;

/**
 * Mark-to-market's memory: the equity peak and which drawdown threshold was last crossed, so each crossing
 * raises one alert and falling back below re-arms it.
 */
record DrawdownState(BigDecimal peakEquity, AlertLevel alertLevel) {

    enum AlertLevel { NONE, ALERT, EMERGENCY }
}
