package com.quantumtrader.risk.model.market;

import java.math.BigDecimal;
import java.time.Instant;

/** One close, with the bar's close time so two symbols' returns are paired by time. */
public record Close(Instant at, BigDecimal price) {
}
