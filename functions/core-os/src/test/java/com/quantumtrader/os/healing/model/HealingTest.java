package com.quantumtrader.os.healing.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.learning.DriftDetected;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The drift-healing rules on plain values: no store, no handler. */
class HealingTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static DriftDetected drift(double recent, double baseline, double statistic) {
        return new DriftDetected("ma_crossover", "win_rate", recent, baseline, statistic, 2.576, 20, 40);
    }

    @Test
    void anUpwardDriftNeedsNoHealing() {
        assertThat(Healing.decide(drift(0.7, 0.5, 3.5), Optional.empty(), NOW)).isInstanceOf(Healing.Upwards.class);
    }

    @Test
    void aSevereAdverseDriftPausesAndAMilderOneReducesSize() {
        Healing.Heal severe = (Healing.Heal) Healing.decide(drift(0.2, 0.5, -3.291), Optional.empty(), NOW);
        Healing.Heal mild = (Healing.Heal) Healing.decide(drift(0.3, 0.5, -2.8), Optional.empty(), NOW);

        assertThat(severe.action()).isEqualTo(Healing.PAUSE);
        assertThat(severe.episode()).isEqualTo(new Episode(Healing.PAUSE, NOW));
        assertThat(severe.issue()).isEqualTo("win_rate drifted to 0.2000 from 0.5000 (statistic -3.29, bound 2.576)");
        assertThat(mild.action()).isEqualTo(Healing.REDUCE);
    }

    @Test
    void insideAnEpisodeOnlyAnEscalationToPauseIsHealedAgainKeepingTheEpisodeStart() {
        Instant started = NOW.minus(Duration.ofHours(23));
        Optional<Episode> reduced = Optional.of(new Episode(Healing.REDUCE, started));

        assertThat(Healing.decide(drift(0.3, 0.5, -2.8), reduced, NOW)).isInstanceOf(Healing.AlreadyHealed.class);
        Healing.Heal escalated = (Healing.Heal) Healing.decide(drift(0.2, 0.5, -3.5), reduced, NOW);
        assertThat(escalated.episode()).isEqualTo(new Episode(Healing.PAUSE, started));
        assertThat(Healing.decide(drift(0.3, 0.5, -2.8), Optional.of(new Episode(Healing.PAUSE, started)), NOW))
                .isInstanceOf(Healing.AlreadyHealed.class);
    }

    @Test
    void anEpisodeEndsTwentyFourHoursAfterItsAction() {
        Optional<Episode> old = Optional.of(new Episode(Healing.PAUSE, NOW.minus(Duration.ofHours(24))));

        Healing.Heal again = (Healing.Heal) Healing.decide(drift(0.3, 0.5, -2.8), old, NOW);

        assertThat(again.episode()).isEqualTo(new Episode(Healing.REDUCE, NOW));
    }
}
