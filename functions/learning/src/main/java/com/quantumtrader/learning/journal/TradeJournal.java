package com.quantumtrader.learning.journal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Learning's record of closed trades, per strategy (key {@code journal:<strategy id>}), in the order they closed.
 * It keeps the newest {@value #CAPACITY} trades of each strategy: enough to refit and to shadow-test on, bounded
 * so one key never grows without limit.
 */
public final class TradeJournal {

    static final int CAPACITY = 500;
    private static final TypeReference<List<JournalEntry>> ENTRIES = new TypeReference<>() { };

    private final KeyValueStore state;
    private final int capacity;

    public TradeJournal(KeyValueStore state) {
        this(state, CAPACITY);
    }

    TradeJournal(KeyValueStore state, int capacity) {
        this.state = state;
        this.capacity = capacity;
    }

    /** Records the trade; false when this trade id is already recorded (a redelivery). */
    public boolean record(TradeClosed trade) {
        List<JournalEntry> entries = new ArrayList<>(tradesOf(trade.strategyId()));
        if (entries.stream().anyMatch(e -> e.tradeId().equals(trade.tradeId()))) {
            return false;
        }
        entries.add(new JournalEntry(trade.tradeId(), trade.strategyId(), trade.modelId(), trade.symbol(),
                trade.side(), trade.closedAt(), trade.rMultiple(), trade.realizedPnl(),
                trade.realizedPnl().signum() > 0));
        while (entries.size() > capacity) {
            entries.remove(0);
        }
        state.put(key(trade.strategyId()), EventJson.write(entries));
        return true;
    }

    /** The recorded trades of a strategy, oldest first. */
    public List<JournalEntry> tradesOf(String strategyId) {
        return state.get(key(strategyId)).map(TradeJournal::parse).orElse(List.of());
    }

    private static List<JournalEntry> parse(String json) {
        try {
            return List.copyOf(EventJson.mapper().readValue(json, ENTRIES));
        } catch (IOException e) {
            throw new UncheckedIOException("journal state is not readable", e);
        }
    }

    private static String key(String strategyId) {
        return "journal:" + strategyId;
    }
}
