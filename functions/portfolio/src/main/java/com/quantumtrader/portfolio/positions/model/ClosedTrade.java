package com.quantumtrader.portfolio.positions.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A completed round trip as the analyzer needs it; kept in portfolio's store by trade id. */
public record ClosedTrade(String tradeId, String strategyId, String symbol, Instant openedAt, Instant closedAt,
                          BigDecimal realizedPnl, BigDecimal fees, BigDecimal funding, BigDecimal rMultiple) {
}
