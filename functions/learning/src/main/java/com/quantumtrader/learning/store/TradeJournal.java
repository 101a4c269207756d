package com.quantumtrader.learning.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.learning.journal.model.Journal;
import com.quantumtrader.learning.journal.model.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Learning's record of closed trades, per strategy (key {@code journal:<strategy id>}), in the order they closed;
 * the newest {@value #CAPACITY} of each strategy ({@link Journal}).
 */
public final class TradeJournal {

    public static final int CAPACITY = 500;
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
        Optional<List<JournalEntry>> entries = Journal.append(tradesOf(trade.strategyId()), trade, capacity);
        entries.ifPresent(recorded -> state.put(key(trade.strategyId()), EventJson.write(recorded)));
        return entries.isPresent();
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
