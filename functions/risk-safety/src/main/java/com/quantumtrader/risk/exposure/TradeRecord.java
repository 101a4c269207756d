package com.quantumtrader.risk.exposure;

import com.quantumtrader.core.state.KeyValueStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What closed trades tell the pre-trade checks: realised P&L of each UTC day, the current losing streak and when
 * it last grew, and the last stop-out per symbol.
 */
public final class TradeRecord {

    private final KeyValueStore state;

    public TradeRecord(KeyValueStore state) {
        this.state = state;
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    public BigDecimal pnlOn(LocalDate day) {
        return state.get("daily_pnl:" + day).map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    public int losingStreak() {
        return state.get("losing_streak").map(Integer::parseInt).orElse(0);
    }

    public Optional<Instant> lastLossAt() {
        return state.get("last_loss_at").map(Instant::parse);
    }

    public Optional<Instant> stoppedOutAt(String symbol) {
        return state.get("stop_out:" + symbol).map(Instant::parse);
    }

    void closed(String symbol, BigDecimal pnl, boolean stopOut, Instant at) {
        LocalDate day = day(at);
        state.put("daily_pnl:" + day, pnlOn(day).add(pnl).toPlainString());
        if (pnl.signum() < 0) {
            state.put("losing_streak", Integer.toString(losingStreak() + 1));
            state.put("last_loss_at", at.toString());
        } else {
            state.put("losing_streak", "0");
        }
        if (stopOut) {
            state.put("stop_out:" + symbol, at.toString());
        }
    }
}
