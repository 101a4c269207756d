package com.quantumtrader.portfolio.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.portfolio.positions.model.ClosedTrade;
import com.quantumtrader.portfolio.positions.model.FundingRecord;
import com.quantumtrader.portfolio.positions.model.Ledger;
import com.quantumtrader.portfolio.positions.model.Position;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Portfolio's position book in its store: open positions (one per symbol), the ledger, closed trades and the
 * funding payments applied.
 */
public final class PositionStore {

    private static final String POSITIONS = "positions";
    private static final String LEDGER = "ledger";
    private static final String TRADES = "trades";
    private static final String FUNDING = "funding_payments";

    private final KeyValueStore state;

    public PositionStore(KeyValueStore state) {
        this.state = state;
    }

    public Optional<Position> position(String symbol) {
        return state.hashGetJson(POSITIONS, symbol, Position.class);
    }

    /** Open positions ordered by symbol. */
    public List<Position> openPositions() {
        return state.hashGetAllJson(POSITIONS, Position.class).values().stream()
                .sorted(Comparator.comparing(Position::symbol))
                .toList();
    }

    public void save(Position position) {
        state.hashPutJson(POSITIONS, position.symbol(), position);
    }

    public void remove(String symbol) {
        state.hashDelete(POSITIONS, symbol);
    }

    public Ledger ledger() {
        return state.getJson(LEDGER, Ledger.class).orElse(Ledger.EMPTY);
    }

    public void save(Ledger ledger) {
        state.putJson(LEDGER, ledger);
    }

    /** The funding payment applied for {@code symbol} at {@code fundingTime}, if any. */
    public Optional<FundingRecord> funding(String symbol, Instant fundingTime) {
        return state.hashGetJson(FUNDING, fundingKey(symbol, fundingTime), FundingRecord.class);
    }

    public void record(FundingRecord payment) {
        state.hashPutJson(FUNDING, fundingKey(payment.symbol(), payment.fundingTime()), payment);
    }

    /** Every funding payment applied, by funding time, then symbol. */
    public List<FundingRecord> fundingPayments() {
        return state.hashGetAllJson(FUNDING, FundingRecord.class).values().stream()
                .sorted(Comparator.comparing(FundingRecord::fundingTime).thenComparing(FundingRecord::symbol))
                .toList();
    }

    private static String fundingKey(String symbol, Instant fundingTime) {
        return symbol + "@" + fundingTime;
    }

    public void record(ClosedTrade trade) {
        state.hashPutJson(TRADES, trade.tradeId(), trade);
    }

    /** Every closed trade, in the order they closed (then by id). */
    public List<ClosedTrade> closedTrades() {
        return state.hashGetAllJson(TRADES, ClosedTrade.class).values().stream()
                .sorted(Comparator.comparing(ClosedTrade::closedAt).thenComparing(ClosedTrade::tradeId))
                .toList();
    }
}
