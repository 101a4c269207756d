package com.quantumtrader.events.risk;

import com.quantumtrader.events.Side;

/**
 * A signal refused by a pre-trade check: the machine-readable reason, the limit and the value that hit it.
 *
 * @param reasonCode e.g. LOW_CONFIDENCE, MAX_POSITION_NOTIONAL, MAX_OPEN_POSITIONS, ESS_ACTIVE
 */
public record SignalRejected(
        String signalId,
        String symbol,
        Side side,
        String reasonCode,
        String limit,
        String value,
        String message) {
}
