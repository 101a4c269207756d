package com.quantumtrader.events.portfolio;

import java.math.BigDecimal;

/** The position monitor moved a protective stop; execution moves the order on the exchange. */
public record StopLossAdjusted(
        String positionId,
        String symbol,
        String signalId,
        BigDecimal previousStop,
        BigDecimal newStop,
        String reason) {
}
