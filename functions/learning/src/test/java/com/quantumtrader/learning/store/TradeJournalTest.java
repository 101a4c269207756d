package com.quantumtrader.learning.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.Side;
import com.quantumtrader.learning.journal.model.JournalEntry;
import com.quantumtrader.learning.testing.Trades;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TradeJournalTest {

    private final InMemoryKeyValueStore state = new InMemoryKeyValueStore();
    private final TradeJournal journal = new TradeJournal(state);
    private final Trades trades = new Trades("ma_crossover", "ma_crossover@v1");

    @Test
    void recordsTradesPerStrategyOldestFirst() {
        // given
        journal.record(trades.next(Side.LONG, "1.5"));
        journal.record(trades.next(Side.SHORT, "-1"));
        journal.record(new Trades("other", "other@v1").next(Side.LONG, "2"));

        // then
        assertThat(journal.tradesOf("ma_crossover")).extracting(JournalEntry::tradeId, JournalEntry::side,
                JournalEntry::rMultiple, JournalEntry::win).containsExactly(
                tuple("ma_crossover-trade-1", Side.LONG, new BigDecimal("1.5"), true),
                tuple("ma_crossover-trade-2", Side.SHORT, new BigDecimal("-1"), false));
        assertThat(journal.tradesOf("other")).hasSize(1);
        assertThat(journal.tradesOf("unknown")).isEmpty();
    }

    @Test
    void refusesATradeItAlreadyRecorded() {
        // given
        var trade = trades.next(true);
        assertThat(journal.record(trade)).isTrue();

        // when / then
        assertThat(journal.record(trade)).isFalse();
        assertThat(journal.tradesOf("ma_crossover")).hasSize(1);
    }

    @Test
    void keepsOnlyTheNewestTradesUpToItsCapacity() {
        // given a journal of capacity 5 (500 in production)
        TradeJournal small = new TradeJournal(state, 5);

        // when 6 trades are recorded
        for (int i = 0; i < 6; i++) {
            small.record(trades.next(i % 2 == 0));
        }

        // then the first one is gone
        assertThat(small.tradesOf("ma_crossover")).extracting(JournalEntry::tradeId).containsExactly(
                "ma_crossover-trade-2", "ma_crossover-trade-3", "ma_crossover-trade-4", "ma_crossover-trade-5",
                "ma_crossover-trade-6");
        assertThat(TradeJournal.CAPACITY).isEqualTo(500);
    }

    @Test
    void isReadByAnyInstanceOverTheSameState() {
        journal.record(trades.next(true));
        assertThat(new TradeJournal(state).tradesOf("ma_crossover")).hasSize(1);
    }
}
