package com.quantumtrader.execution.exchange;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Funding the simulated exchange settled on one position at one funding time (Binance: 00:00, 08:00, 16:00 UTC).
 *
 * @param positionQuantity the position held at the funding time, signed (negative = short)
 * @param amount           cash to the account, signed: negative = paid; exactly -positionQuantity x markPrice x rate
 */
public record FundingPayment(
        String symbol,
        Instant fundingTime,
        BigDecimal rate,
        BigDecimal markPrice,
        BigDecimal positionQuantity,
        BigDecimal amount,
        String asset) {
}
