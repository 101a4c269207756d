package com.quantumtrader.risk.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.risk.model.exposure.TradeTally;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What closed trades tell the pre-trade checks: realised P&L of each UTC day, the current losing streak and when
 * it last grew, and the last stop-out per symbol.
 */
public final class TradeRecordStore {

    private final KeyValueStore state;

    public TradeRecordStore(KeyValueStore state) {
        this.state = state;
    }

    public BigDecimal pnlOn(LocalDate day) {
        return state.get(RiskKeys.dailyPnl(day)).map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    public int losingStreak() {
        return state.get(RiskKeys.LOSING_STREAK).map(Integer::parseInt).orElse(0);
    }

    public Optional<Instant> lastLossAt() {
        return state.get(RiskKeys.LAST_LOSS_AT).map(Instant::parse);
    }

    public Optional<Instant> stoppedOutAt(String symbol) {
        return state.get(RiskKeys.stopOut(symbol)).map(Instant::parse);
    }

    /** The day's P&L and the losing streak as they stand on {@code day}. */
    public TradeTally tally(LocalDate day) {
        return new TradeTally(day, pnlOn(day), losingStreak(), lastLossAt());
    }

    /** Saves the tally after a close; {@code stopOutSymbol} when the close was a stop-out of that symbol. */
    public void save(TradeTally tally, Optional<String> stopOutSymbol, Instant at) {
        state.put(RiskKeys.dailyPnl(tally.day()), tally.pnlToday().toPlainString());
        state.put(RiskKeys.LOSING_STREAK, Integer.toString(tally.losingStreak()));
        tally.lastLossAt().ifPresent(lastLoss -> state.put(RiskKeys.LAST_LOSS_AT, lastLoss.toString()));
        stopOutSymbol.ifPresent(symbol -> state.put(RiskKeys.stopOut(symbol), at.toString()));
    }
}
