package com.quantumtrader.events.execution;

import java.math.BigDecimal;

/** Rolling slippage of a symbol above the policy threshold, in basis points. */
public record SlippageHigh(
        String symbol,
        BigDecimal slippageBps,
        BigDecimal thresholdBps,
        int windowOrders) {
}
