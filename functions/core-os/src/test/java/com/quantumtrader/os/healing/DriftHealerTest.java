package com.quantumtrader.os.healing;

import static com.quantumtrader.events.EventCatalog.LEARNING_DRIFT_DETECTED;
import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.core.testing.DomainFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftHealerTest {

    private final DomainFixture fixture = new DomainFixture();
    private final DriftHealer healer = new DriftHealer(fixture.services());

    private static DriftDetected drift(String strategy, double recent, double baseline, double z) {
        return new DriftDetected(strategy, "win_rate", recent, baseline, z, 2.576, 20, 30);
    }

    private List<Emit> play(DriftHealer handler, DriftDetected drift) {
        return handler.handle(fixture.inbound(LEARNING_DRIFT_DETECTED, drift));
    }

    @Test
    void reducesTheSizeOfAStrategyWithAModerateAdverseDrift() {
        // when z = -3.02: beyond the detector's 99 % bound, inside the 99.9 % one
        List<Emit> emitted = play(healer, drift("ma_crossover", 0.1, 27.0 / 56, -3.0199));

        // then
        assertThat(emitted).extracting(Emit::type).containsExactly(OS_SELF_HEALING_TRIGGERED);
        assertThat(emitted.get(0).payload()).isEqualTo(new SelfHealingTriggered("ma_crossover",
                "win_rate drifted to 0.1000 from 0.4821 (statistic -3.02, bound 2.576)", "REDUCE_SIZE"));
    }

    @Test
    void pausesAStrategyWithASevereAdverseDrift() {
        // when z = -3.30, beyond 3.291 (99.9 %)
        List<Emit> emitted = play(healer, drift("ma_crossover", 0.1, 0.6, -3.30));

        // then
        assertThat(emitted).extracting(e -> ((SelfHealingTriggered) e.payload()).action())
                .containsExactly("PAUSE_STRATEGY");
    }

    @Test
    void leavesAStrategyAloneThatDriftsUpwards() {
        assertThat(play(healer, drift("ma_crossover", 0.9, 0.5, 3.5))).isEmpty();
    }

    @Test
    void healsOncePerEpisodeUnlessItMustEscalate() {
        // given a size reduction
        assertThat(play(healer, drift("ma_crossover", 0.15, 0.5, -2.8))).hasSize(1);

        // when another moderate drift comes within 24 h, nothing; a severe one escalates to a pause
        fixture.clock().advance(Duration.ofHours(2));
        assertThat(play(healer, drift("ma_crossover", 0.15, 0.5, -2.9))).isEmpty();
        assertThat(play(healer, drift("ma_crossover", 0.05, 0.5, -3.6)))
                .extracting(e -> ((SelfHealingTriggered) e.payload()).action()).containsExactly("PAUSE_STRATEGY");
        assertThat(play(healer, drift("ma_crossover", 0.05, 0.5, -3.7))).isEmpty();

        // then 24 h after the episode began, a new drift is a new episode
        fixture.clock().advance(Duration.ofHours(22));
        assertThat(play(healer, drift("ma_crossover", 0.15, 0.5, -2.8)))
                .extracting(e -> ((SelfHealingTriggered) e.payload()).action()).containsExactly("REDUCE_SIZE");
    }

    @Test
    void keepsEpisodesPerStrategyAndAcrossARestart() {
        // given a reduction of one strategy
        play(healer, drift("ma_crossover", 0.15, 0.5, -2.8));

        // when a new instance sees drifts of it and of another strategy
        DriftHealer restarted = new DriftHealer(fixture.services());

        // then the first is in its episode, the second is not
        assertThat(play(restarted, drift("ma_crossover", 0.15, 0.5, -2.8))).isEmpty();
        assertThat(play(restarted, drift("ma_crossover_defensive", 0.15, 0.5, -2.8)))
                .extracting(e -> ((SelfHealingTriggered) e.payload()).component())
                .containsExactly("ma_crossover_defensive");
    }

    @Test
    void handlingTheSameDriftTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given the runtime around the healer
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("drift_healer", Domain.CORE_OS, healer), published::add);
        BusEvent drift = fixture.busEvent(LEARNING_DRIFT_DETECTED, drift("ma_crossover", 0.1, 0.6, -3.4));

        // when delivered twice
        assertThat(runtime.dispatch(drift).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        String state = fixture.state().get("healing:ma_crossover").orElseThrow();
        assertThat(runtime.dispatch(drift).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one action
        assertThat(published).extracting(BusEvent::name).containsExactly("os.self_healing.triggered");
        assertThat(fixture.state().get("healing:ma_crossover")).contains(state);
    }
}
