package com.quantumtrader.portfolio.positions;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Portfolio's positions (one per symbol) and ledger in its own store. */
public final class PositionBook {

    private static final String POSITIONS = "positions";
    private static final String LEDGER = "ledger";
    private static final String TRADES = "trades";
    private static final String FUNDING = "funding_payments";

    private final KeyValueStore state;

    public PositionBook(KeyValueStore state) {
        this.state = state;
    }

    public Optional<Position> position(String symbol) {
        return state.hashGet(POSITIONS, symbol).map(json -> EventJson.read(json, Position.class));
    }

    /** Open positions ordered by symbol. */
    public List<Position> openPositions() {
        return state.hashGetAll(POSITIONS).values().stream()
                .map(json -> EventJson.read(json, Position.class))
                .sorted(Comparator.comparing(Position::symbol))
                .toList();
    }

    public void save(Position position) {
        state.hashPut(POSITIONS, position.symbol(), EventJson.write(position));
    }

    void remove(String symbol) {
        state.hashDelete(POSITIONS, symbol);
    }

    public Ledger ledger() {
        return state.get(LEDGER).map(json -> EventJson.read(json, Ledger.class)).orElse(Ledger.EMPTY);
    }

    void save(Ledger ledger) {
        state.put(LEDGER, EventJson.write(ledger));
    }

    /** Funding settled: the account's ledger carries it (the caller saves the position it settled on). */
    void fundingSettled(BigDecimal amount) {
        save(ledger().funded(amount));
    }

    /** The funding payment applied for {@code symbol} at {@code fundingTime}, if any. */
    Optional<FundingRecord> funding(String symbol, Instant fundingTime) {
        return state.hashGet(FUNDING, fundingKey(symbol, fundingTime))
                .map(json -> EventJson.read(json, FundingRecord.class));
    }

    void record(FundingRecord payment) {
        state.hashPut(FUNDING, fundingKey(payment.symbol(), payment.fundingTime()), EventJson.write(payment));
    }

    /** Every funding payment applied, by funding time, then symbol. */
    public List<FundingRecord> fundingPayments() {
        return state.hashGetAll(FUNDING).values().stream()
                .map(json -> EventJson.read(json, FundingRecord.class))
                .sorted(Comparator.comparing(FundingRecord::fundingTime).thenComparing(FundingRecord::symbol))
                .toList();
    }

    private static String fundingKey(String symbol, Instant fundingTime) {
        return symbol + "@" + fundingTime;
    }

    void record(ClosedTrade trade) {
        state.hashPut(TRADES, trade.tradeId(), EventJson.write(trade));
    }

    /** Every closed trade, in the order they closed (then by id). */
    public List<ClosedTrade> closedTrades() {
        return state.hashGetAll(TRADES).values().stream()
                .map(json -> EventJson.read(json, ClosedTrade.class))
                .sorted(Comparator.comparing(ClosedTrade::closedAt).thenComparing(ClosedTrade::tradeId))
                .toList();
    }
}
