package com.quantumtrader.risk.model.exposure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What closed trades add up to for one UTC day: its realised P&L, and the losing streak with when it last grew.
 *
 * @param pnlToday realised P&L of {@code day}, USDT
 */
public record TradeTally(LocalDate day, BigDecimal pnlToday, int losingStreak, Optional<Instant> lastLossAt) {

    /** The UTC day an instant falls on: daily limits count per UTC day. */
    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The tally after one more close: a loss extends the streak, anything else ends it. */
    public TradeTally afterClose(BigDecimal pnl, Instant at) {
        boolean loss = pnl.signum() < 0;
        return new TradeTally(day, pnlToday.add(pnl), loss ? losingStreak + 1 : 0,
                loss ? Optional.of(at) : lastLossAt);
    }

    /** The day's realised loss (positive when losing). */
    public BigDecimal lossToday() {
        return pnlToday.negate();
    }
}
