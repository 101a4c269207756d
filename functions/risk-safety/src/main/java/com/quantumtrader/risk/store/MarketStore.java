package com.quantumtrader.risk.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.risk.model.market.Close;
import com.quantumtrader.risk.model.market.Closes;
import java.util.List;

/** Risk's own memory of the market: each symbol's recent bar closes (price collar, volatility, correlation). */
public final class MarketStore {

    private final KeyValueStore state;

    public MarketStore(KeyValueStore state) {
        this.state = state;
    }

    public List<Close> closes(String symbol) {
        return load(symbol).closes();
    }

    public Closes load(String symbol) {
        return state.getJson(RiskKeys.closes(symbol), Closes.class).orElse(new Closes(List.of()));
    }

    public void save(String symbol, Closes closes) {
        state.putJson(RiskKeys.closes(symbol), closes);
    }
}
