package com.quantumtrader.learning.testing;

import com.quantumtrader.events.Side;
import com.quantumtrader.learning.journal.model.JournalEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Journal entries for pure-model tests: numbered ids, one hour apart from {@link #T0}, 100 USDT of P&L per R. */
public final class Entries {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Entries() {
    }

    public static JournalEntry entry(int number, String modelId, Side side, String rMultiple) {
        BigDecimal r = new BigDecimal(rMultiple);
        BigDecimal pnl = r.multiply(new BigDecimal("100"));
        return new JournalEntry("t" + number, "ma_crossover", modelId, "ETHUSDT", side,
                T0.plus(Duration.ofHours(number)), r, pnl, pnl.signum() > 0);
    }

    /** {@code count} entries of {@code modelId} on {@code side}, each {@code rMultiple}, numbered from {@code first}. */
    public static List<JournalEntry> run(int first, int count, String modelId, Side side, String rMultiple) {
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry(first + i, modelId, side, rMultiple));
        }
        return entries;
    }
}
