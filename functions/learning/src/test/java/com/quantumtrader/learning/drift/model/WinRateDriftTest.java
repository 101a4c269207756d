package com.quantumtrader.learning.drift.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.learning.DriftDetected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The win-rate drift rule on plain values: no store, no handler. */
class WinRateDriftTest {

    /** Plays {@code wins} wins then {@code losses} losses from {@code state}; every report on the way. */
    private static List<DriftDetected> play(DriftState[] state, int wins, int losses) {
        List<DriftDetected> reports = new ArrayList<>();
        for (int i = 0; i < wins + losses; i++) {
            WinRateDrift.Observation seen = WinRateDrift.observe(state[0], "ma_crossover", i < wins);
            state[0] = seen.state();
            seen.drift().ifPresent(reports::add);
        }
        return reports;
    }

    @Test
    void saysNothingWhileTheBaselineHoldsFewerThanThirtyTrades() {
        // given 29 wins, then 20 losses: the wins make a 29-trade baseline, the losses the recent window
        DriftState[] state = {DriftState.empty()};

        assertThat(play(state, 29, 20)).isEmpty();
        assertThat(state[0].baselineTrades()).isEqualTo(29);
        assertThat(state[0].latched()).isFalse();
    }

    @Test
    void reportsARecentWinRateFarBelowTheBaselineOncePerCrossing() {
        // given 30 wins in the baseline and 20 in the recent window
        DriftState[] state = {DriftState.empty()};
        play(state, 50, 0);

        // when 20 losses replace the recent wins
        List<DriftDetected> reports = play(state, 0, 20);

        // then one report, and the state stays latched
        assertThat(reports).singleElement().satisfies(drift -> {
            assertThat(drift.metric()).isEqualTo("win_rate");
            assertThat(drift.strategyId()).isEqualTo("ma_crossover");
            assertThat(drift.statistic()).isLessThan(-WinRateDrift.Z_CRITICAL);
            assertThat(drift.threshold()).isEqualTo(WinRateDrift.Z_CRITICAL);
            assertThat(drift.recentTrades()).isEqualTo(20);
        });
        assertThat(state[0].latched()).isTrue();
    }

    @Test
    void theLatchReleasesWhenTheWinRateIsBackWithinTheBound() {
        DriftState[] state = {new DriftState(30, 15, Collections.nCopies(20, false), true)};

        assertThat(play(state, 11, 0)).isEmpty();

        assertThat(state[0].latched()).isFalse();
        assertThat(WinRateDrift.observe(state[0], "ma_crossover", true).drift()).isEqualTo(Optional.empty());
    }
}
