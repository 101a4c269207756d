package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;

/** Drawdown from the equity peak crossed the policy threshold (once per crossing). */
public record DrawdownHigh(
        BigDecimal drawdown,
        BigDecimal threshold,
        BigDecimal equity,
        BigDecimal peakEquity) {
}
