package com.quantumtrader.events.execution;

import java.math.BigDecimal;

/**
 * Adaptive execution switched how a symbol's entries are sent: {@code LIMIT_IOC} while its rolling slippage is
 * high, {@code MARKET} again once it has recovered.
 *
 * @param slippageBps  the rolling average that caused the switch, in basis points
 * @param thresholdBps the threshold it crossed: the high mark when switching to limits, the recovery mark back
 */
public record EntryModeChanged(
        String symbol,
        String mode,
        String previousMode,
        BigDecimal slippageBps,
        BigDecimal thresholdBps,
        int windowOrders) {
}
