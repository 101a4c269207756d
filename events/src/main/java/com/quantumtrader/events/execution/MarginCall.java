package com.quantumtrader.events.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The exchange warned that a position's margin is close to liquidation (Binance's {@code MARGIN_CALL}): one event per
 * position the warning names.
 *
 * @param positionQuantity   signed position size: positive long, negative short
 * @param marginType         CROSSED or ISOLATED
 * @param maintenanceMargin  margin the position needs to stay open, in USDT
 * @param crossWalletBalance the cross-margin wallet balance; null for an isolated position
 * @param calledAt           when the exchange sent the warning
 */
public record MarginCall(
        String symbol,
        BigDecimal positionQuantity,
        String marginType,
        BigDecimal markPrice,
        BigDecimal unrealizedPnl,
        BigDecimal maintenanceMargin,
        BigDecimal crossWalletBalance,
        Instant calledAt) {
}
