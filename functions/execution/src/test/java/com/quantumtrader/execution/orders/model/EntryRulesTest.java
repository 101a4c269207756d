package com.quantumtrader.execution.orders.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.execution.orders.model.EntryRules.Entry;
import com.quantumtrader.execution.orders.model.EntryRules.Refusal;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The entry rules on plain values: no store, no exchange. */
class EntryRulesTest {

    @Test
    void passesALongWithItsStopBelowAndItsTargetAboveTheReference() {
        assertThat(EntryRules.firstFailed(longEntry("60000", "63000", false))).isEmpty();
    }

    @Test
    void refusesALongWhoseStopIsAtOrAboveTheReference() {
        Optional<Refusal> refusal = EntryRules.firstFailed(longEntry("61200.0", "63000", false));

        assertThat(refusal).get().extracting(Refusal::code).isEqualTo(EntryRules.INVALID_STOP);
        assertThat(refusal.get().message())
                .isEqualTo("stop 61200.0 is not on the losing side of the reference 61200.0 for a LONG");
    }

    @Test
    void refusesAShortWhoseTargetIsAboveTheReference() {
        Entry shortEntry = new Entry("BTCUSDT", "SHORT", -1, new BigDecimal("61200.0"), new BigDecimal("62000"),
                new BigDecimal("61500"), false);

        assertThat(EntryRules.firstFailed(shortEntry)).get().extracting(Refusal::code)
                .isEqualTo(EntryRules.INVALID_TARGET);
    }

    @Test
    void refusesASecondPositionOnTheSameSymbol() {
        assertThat(EntryRules.firstFailed(longEntry("60000", "63000", true))).get()
                .isEqualTo(new Refusal(EntryRules.POSITION_OPEN,
                        "BTCUSDT already has a position or a working entry; one position per symbol"));
    }

    @Test
    void theFirstFailingRuleWins() {
        // a wrong stop, a wrong target and a busy symbol: the stop is reported
        assertThat(EntryRules.firstFailed(longEntry("62000", "60000", true))).get().extracting(Refusal::code)
                .isEqualTo(EntryRules.INVALID_STOP);
    }

    private static Entry longEntry(String stop, String target, boolean busy) {
        return new Entry("BTCUSDT", "LONG", 1, new BigDecimal("61200.0"), new BigDecimal(stop), new BigDecimal(target),
                busy);
    }
}
