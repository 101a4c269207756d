package com.quantumtrader.risk.model.exposure;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Exposure risk holds for an approved signal from approval until its position closes or its entry order fails.
 * The limits themselves are enforced by the atomic counters of the reservation store; this record explains them.
 *
 * @param notional approved quantity times the signal's reference price, in USDT
 */
public record Reservation(
        String signalId,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal notional,
        Instant reservedAt) {
}
