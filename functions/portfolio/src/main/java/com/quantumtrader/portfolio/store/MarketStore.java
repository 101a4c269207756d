package com.quantumtrader.portfolio.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Recent bars per symbol in portfolio's store, fed by {@code market.price.update}. */
public final class MarketStore {

    private static final String MARKET = "market";

    private final KeyValueStore state;

    public MarketStore(KeyValueStore state) {
        this.state = state;
    }

    public Optional<SymbolHistory> of(String symbol) {
        return state.hashGetJson(MARKET, symbol, SymbolHistory.class);
    }

    /** Every symbol seen, ordered by symbol. */
    public List<SymbolHistory> all() {
        return new TreeMap<>(state.hashGetAll(MARKET)).values().stream()
                .map(json -> EventJson.read(json, SymbolHistory.class)).toList();
    }

    public void save(SymbolHistory history) {
        state.hashPutJson(MARKET, history.symbol(), history);
    }
}
