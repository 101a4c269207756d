package com.quantumtrader.events.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Funding the exchange settled on one position at one funding time.
 *
 * @param positionQuantity the position at the funding time, signed (negative = short)
 * @param amount           cash to the account, signed like {@code trade.closed.funding}: negative = paid
 */
public record FundingPaid(
        String symbol,
        Instant fundingTime,
        BigDecimal fundingRate,
        BigDecimal markPrice,
        BigDecimal positionQuantity,
        BigDecimal amount,
        String asset) {
}
