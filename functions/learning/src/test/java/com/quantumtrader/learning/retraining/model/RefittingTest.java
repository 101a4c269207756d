package com.quantumtrader.learning.retraining.model;

import static com.quantumtrader.learning.testing.Entries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.learning.journal.model.JournalEntry;
import com.quantumtrader.learning.testing.Entries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refit rules on plain values: no store, no handler. */
class RefittingTest {

    private static final Instant NOW = T0.plus(Duration.ofDays(10));
    private static final ModelDegraded DEGRADED =
            new ModelDegraded("ma_crossover@v1", "ma_crossover", "win_rate", 0.3, 0.4, 20);

    /** Six winning longs and six losing shorts of v1, and two trades of another model. */
    private static List<JournalEntry> journal() {
        List<JournalEntry> entries = new ArrayList<>(Entries.run(1, 6, "ma_crossover@v1", Side.LONG, "1.5"));
        entries.addAll(Entries.run(7, 6, "ma_crossover@v1", Side.SHORT, "-1"));
        entries.addAll(Entries.run(13, 2, "other@v3", Side.LONG, "2"));
        return entries;
    }

    @Test
    void refitsTheNextVersionKeepingOnlyTheProfitableSide() {
        Refitting.Refit refit = (Refitting.Refit) Refitting.decide(DEGRADED, RetrainingState.initial(), journal(),
                NOW);

        assertThat(refit.trades()).isEqualTo(12);
        assertThat(refit.state()).isEqualTo(new RetrainingState(2, NOW));
        assertThat(refit.candidate().modelId()).isEqualTo("ma_crossover@v2");
        assertThat(refit.candidate().allowedSides()).containsExactly(Side.LONG);
        assertThat(refit.candidate().fittedAt()).isEqualTo(NOW);
        assertThat(refit.retrained().metric()).isEqualTo(Refitting.METRIC);
        assertThat(refit.retrained().score()).isEqualTo(0.75);
        assertThat(refit.retrained().reason()).isEqualTo("ai.model.degraded: win_rate 0.3 below 0.4 over 20 trades");
    }

    @Test
    void theVersionContinuesFromTheHighestTheStrategyReached() {
        Refitting.Refit refit = (Refitting.Refit) Refitting.decide(DEGRADED,
                new RetrainingState(4, NOW.minus(Duration.ofDays(2))), journal(), NOW);

        assertThat(refit.candidate().modelId()).isEqualTo("ma_crossover@v5");
    }

    @Test
    void coolsDownForADayAfterARefit() {
        Instant last = NOW.minus(Duration.ofHours(23));

        assertThat(Refitting.decide(DEGRADED, new RetrainingState(2, last), journal(), NOW))
                .isEqualTo(new Refitting.CoolingDown(last));
    }

    @Test
    void waitsForTenTradesOfTheDegradedModel() {
        List<JournalEntry> nine = Entries.run(1, 9, "ma_crossover@v1", Side.LONG, "1");

        assertThat(Refitting.decide(DEGRADED, RetrainingState.initial(), nine, NOW))
                .isEqualTo(new Refitting.TooFewTrades(9));
    }

    @Test
    void readsFamilyAndVersionFromAModelId() {
        assertThat(Refitting.versionOf("ma_crossover@v7")).isEqualTo(7);
        assertThat(Refitting.versionOf("ma_crossover")).isEqualTo(1);
        assertThat(Refitting.familyOf("ma_crossover@v7")).isEqualTo("ma_crossover");
    }
}
