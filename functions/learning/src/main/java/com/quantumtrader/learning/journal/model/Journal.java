package com.quantumtrader.learning.journal.model;

import com.quantumtrader.events.portfolio.TradeClosed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's rule: a strategy's closed trades in the order they closed, each trade id once, the newest
 * {@code capacity} kept (enough to refit and to shadow-test on, bounded so one key never grows without limit).
 */
public final class Journal {

    private Journal() {
    }

    /** The entries with {@code trade} appended; empty when its trade id is already recorded (a redelivery). */
    public static Optional<List<JournalEntry>> append(List<JournalEntry> entries, TradeClosed trade, int capacity) {
        if (entries.stream().anyMatch(e -> e.tradeId().equals(trade.tradeId()))) {
            return Optional.empty();
        }
        List<JournalEntry> next = new ArrayList<>(entries);
        next.add(new JournalEntry(trade.tradeId(), trade.strategyId(), trade.modelId(), trade.symbol(),
                trade.side(), trade.closedAt(), trade.rMultiple(), trade.realizedPnl(),
                trade.realizedPnl().signum() > 0));
        while (next.size() > capacity) {
            next.remove(0);
        }
        return Optional.of(next);
    }
}
