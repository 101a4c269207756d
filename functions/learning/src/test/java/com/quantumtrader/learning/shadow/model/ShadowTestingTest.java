package com.quantumtrader.learning.shadow.model;

import static com.quantumtrader.learning.testing.Entries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.Side;
import com.quantumtrader.learning.candidates.model.Candidate;
import com.quantumtrader.learning.journal.model.JournalEntry;
import com.quantumtrader.learning.testing.Entries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shadow-testing rules on plain values: no store, no handler. */
class ShadowTestingTest {

    /** A long-only candidate fitted after trade 5. */
    private static final Candidate LONG_ONLY = new Candidate("ma_crossover@v2", "ma_crossover", 2, "ma_crossover@v1",
            List.of(Side.LONG), T0.plusSeconds(5 * 3600));

    /** Five in-sample trades, then {@code pairs} pairs of a winning long (+1 R) and a losing short (-1 R). */
    private static List<JournalEntry> journal(int pairs) {
        List<JournalEntry> entries = new ArrayList<>(Entries.run(1, 5, "ma_crossover@v1", Side.LONG, "5"));
        for (int i = 0; i < pairs; i++) {
            entries.add(Entries.entry(6 + 2 * i, "ma_crossover@v1", Side.LONG, "1"));
            entries.add(Entries.entry(7 + 2 * i, "ma_crossover@v1", Side.SHORT, "-1"));
        }
        return entries;
    }

    @Test
    void waitsForTenOutOfSampleTradesIgnoringTheInSampleOnes() {
        ShadowTesting.Verdict verdict = ShadowTesting.judge(LONG_ONLY, journal(4));

        assertThat(verdict.outcome()).isEqualTo(ShadowTesting.Outcome.WAIT);
        assertThat(verdict.trades()).isEqualTo(8);
    }

    @Test
    void promotesACandidateBeatingTheLiveModelByTheMargin() {
        ShadowTesting.Verdict verdict = ShadowTesting.judge(LONG_ONLY, journal(5));

        // live: 0 R over 10; shadow: +5 R over the same 10 opportunities
        assertThat(verdict.outcome()).isEqualTo(ShadowTesting.Outcome.PROMOTE);
        assertThat(verdict.shadow()).isEqualByComparingTo("0.5");
        assertThat(verdict.live()).isEqualByComparingTo("0");
        assertThat(verdict.trades()).isEqualTo(10);
    }

    @Test
    void retiresACandidateThatHasNotEarnedPromotionAfterFortyTrades() {
        Candidate bothSides = new Candidate("ma_crossover@v2", "ma_crossover", 2, "ma_crossover@v1",
                List.of(Side.LONG, Side.SHORT), LONG_ONLY.fittedAt());

        assertThat(ShadowTesting.judge(bothSides, journal(19)).outcome()).isEqualTo(ShadowTesting.Outcome.WAIT);
        assertThat(ShadowTesting.judge(bothSides, journal(20)).outcome()).isEqualTo(ShadowTesting.Outcome.RETIRE);
    }

    @Test
    void decisionsWaitAtOrAboveTheDrawdownAlertAndOnlyNewerSnapshotsCount() {
        assertThat(ShadowTesting.decisionsWait(new BigDecimal("0.10"), new BigDecimal("0.10"))).isTrue();
        assertThat(ShadowTesting.decisionsWait(new BigDecimal("0.099"), new BigDecimal("0.10"))).isFalse();
        assertThat(ShadowTesting.isNewer(Optional.empty(), T0)).isTrue();
        assertThat(ShadowTesting.isNewer(Optional.of(T0), T0)).isFalse();
        assertThat(ShadowTesting.isNewer(Optional.of(T0), T0.plusSeconds(1))).isTrue();
    }
}
