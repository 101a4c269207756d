package com.quantumtrader.learning.journal.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.Side;
import com.quantumtrader.learning.testing.Trades;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's rule on plain values: no store. */
class JournalTest {

    private final Trades trades = new Trades("ma_crossover", "ma_crossover@v1");

    @Test
    void appendsAClosedTradeWithItsOutcome() {
        List<JournalEntry> entries = Journal.append(List.of(), trades.next(Side.SHORT, "-1"), 10).orElseThrow();

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.tradeId()).isEqualTo("ma_crossover-trade-1");
            assertThat(e.side()).isEqualTo(Side.SHORT);
            assertThat(e.win()).isFalse();
        });
    }

    @Test
    void aTradeIdAlreadyRecordedIsARedelivery() {
        var trade = trades.next(true);
        List<JournalEntry> once = Journal.append(List.of(), trade, 10).orElseThrow();

        assertThat(Journal.append(once, trade, 10)).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestEntriesUpToTheCapacity() {
        List<JournalEntry> entries = List.of();
        for (int i = 0; i < 4; i++) {
            entries = Journal.append(entries, trades.next(true), 3).orElseThrow();
        }

        assertThat(entries).extracting(JournalEntry::tradeId)
                .containsExactly("ma_crossover-trade-2", "ma_crossover-trade-3", "ma_crossover-trade-4");
    }
}
