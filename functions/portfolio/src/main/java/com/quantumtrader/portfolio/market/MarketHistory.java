package com.quantumtrader.portfolio.market;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Recent bars per symbol in portfolio's store, fed by {@code market.price.update}. */
public final class MarketHistory {

    private static final String MARKET = "market";

    private final KeyValueStore state;
    private final PortfolioSettings settings;

    public MarketHistory(KeyValueStore state, PortfolioSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    public Optional<SymbolHistory> of(String symbol) {
        return state.hashGetJson(MARKET, symbol, SymbolHistory.class);
    }

    /** Every symbol seen, ordered by symbol. */
    public List<SymbolHistory> all() {
        return new TreeMap<>(state.hashGetAll(MARKET)).values().stream()
                .map(json -> EventJson.read(json, SymbolHistory.class)).toList();
    }

    /** Adds a closed bar; a bar not after the latest one kept (a redelivery, a large-move update) is ignored. */
    public SymbolHistory record(MarketPriceUpdate bar) {
        SymbolHistory history = of(bar.symbol()).orElse(SymbolHistory.empty(bar.symbol()));
        if (!MarketPriceUpdate.BAR_CLOSE.equals(bar.reason()) || (!history.bars().isEmpty()
                && !bar.closeTime().isAfter(history.bars().get(history.bars().size() - 1).closeTime()))) {
            return history;
        }
        int keep = Math.max(settings.volatilityBars() + 1, 48);
        SymbolHistory next = history.with(bar.closeTime(), bar.high(), bar.low(), bar.close(), bar.volume(),
                settings.atrPeriod(), keep);
        state.hashPutJson(MARKET, bar.symbol(), next);
        return next;
    }
}
