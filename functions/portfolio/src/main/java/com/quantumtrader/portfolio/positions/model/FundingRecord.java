package com.quantumtrader.portfolio.positions.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A funding payment portfolio applied, kept in its store by symbol and funding time.
 *
 * @param eventId    the {@code execution.funding.paid} that reported it
 * @param amount     cash to the account, negative = paid
 * @param positionId the position it was attributed to; null when it matched no open position (account only)
 */
public record FundingRecord(String eventId, String symbol, Instant fundingTime, BigDecimal amount,
                            String positionId) {
}
