package com.quantumtrader.os.flow;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;
import static com.quantumtrader.events.EventCatalog.OS_UNIVERSE_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.events.os.UniverseUpdated;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.os.universe.ActiveUniverse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalFlowMonitorTest {

    /** The window and the active universe's state, where the throttled symbols live. */
    private static final List<String> STATE_KEYS = List.of("flow", "universe");

    private final DomainFixture fixture = new DomainFixture();
    private final SignalFlowMonitor monitor =
            new SignalFlowMonitor(fixture.services(), new ActiveUniverse(fixture.services()));

    /** A signal for {@code symbol} at {@code minutes} after START, the clock moved there. */
    private SignalGenerated signalAt(String symbol, int minutes) {
        fixture.clock().advanceTo(DomainFixture.START.plus(Duration.ofMinutes(minutes)));
        long epoch = fixture.clock().instant().getEpochSecond();
        return new SignalGenerated("sig-" + symbol + "-" + epoch, symbol, Side.LONG, 0.6, new BigDecimal("2000"),
                new BigDecimal("1950"), new BigDecimal("2075"), new BigDecimal("2"), "ma_crossover",
                "ma_crossover@v1");
    }

    private List<Emit> play(SignalFlowMonitor handler, String symbol, int minutes) {
        return handler.handle(fixture.inbound(AI_SIGNAL_GENERATED, signalAt(symbol, minutes)));
    }

    @Test
    void throttlesASymbolSignallingMoreThanThreeTimesInSixHoursAndDropsItFromTheUniverse() {
        // given three BTCUSDT signals within three hours
        assertThat(play(monitor, "BTCUSDT", 0)).isEmpty();
        assertThat(play(monitor, "BTCUSDT", 60)).isEmpty();
        assertThat(play(monitor, "BTCUSDT", 120)).isEmpty();

        // when a fourth comes at 3 h
        List<Emit> emitted = play(monitor, "BTCUSDT", 180);

        // then a throttle, and the universe without BTCUSDT
        assertThat(emitted).extracting(Emit::type).containsExactly(OS_SELF_HEALING_TRIGGERED, OS_UNIVERSE_UPDATED);
        assertThat(emitted.get(0).payload()).isEqualTo(new SelfHealingTriggered("ai_engine",
                "signal flood on BTCUSDT: 4 signals within 6h (max 3)", "THROTTLE_SYMBOL"));
        assertThat(emitted.get(1).payload()).isEqualTo(new UniverseUpdated(List.of("ETHUSDT"),
                "removed [BTCUSDT], added []; throttled [BTCUSDT]"));
    }

    @Test
    void countsOnlyTheLastSixHours() {
        // given signals at 0, 2 h and 4 h
        play(monitor, "BTCUSDT", 0);
        play(monitor, "BTCUSDT", 120);
        play(monitor, "BTCUSDT", 240);

        // when the 4th comes exactly at 6 h, the first has left the window
        // then three in the window: no flood
        assertThat(play(monitor, "BTCUSDT", 360)).isEmpty();
    }

    @Test
    void throttlesOncePerEpisodeAndReleasesWhenTheFlowCalmsDown() {
        // given a throttled BTCUSDT
        for (int minutes : new int[] {0, 60, 120, 180}) {
            play(monitor, "BTCUSDT", minutes);
        }

        // when it keeps flooding, nothing more is said
        assertThat(play(monitor, "BTCUSDT", 210)).isEmpty();

        // then an ETHUSDT signal at 9 h 31 min finds BTCUSDT's window empty: BTCUSDT is back, in policy order
        List<Emit> emitted = play(monitor, "ETHUSDT", 571);
        assertThat(emitted).extracting(Emit::payload).containsExactly(new UniverseUpdated(
                List.of("BTCUSDT", "ETHUSDT"), "removed [], added [BTCUSDT]; throttled []"));
    }

    @Test
    void followsAChangeOfThePolicyUniverse() {
        // given a first signal under the default universe, then the operator removed ETHUSDT
        assertThat(play(monitor, "ETHUSDT", 0)).isEmpty();
        fixture.universe(List.of("BTCUSDT"));

        // when the next signal comes
        List<Emit> emitted = play(monitor, "BTCUSDT", 30);

        // then
        assertThat(emitted).extracting(Emit::payload).containsExactly(
                new UniverseUpdated(List.of("BTCUSDT"), "removed [ETHUSDT], added []; throttled []"));
        assertThat(play(monitor, "BTCUSDT", 60)).isEmpty();
    }

    @Test
    void countsARedeliveredSignalOnce() {
        // given three signals, the third delivered twice as separate events
        play(monitor, "BTCUSDT", 0);
        play(monitor, "BTCUSDT", 60);
        SignalGenerated third = signalAt("BTCUSDT", 120);
        monitor.handle(fixture.inbound(AI_SIGNAL_GENERATED, third));

        // when / then the redelivery is not a 4th signal
        assertThat(monitor.handle(fixture.inbound(AI_SIGNAL_GENERATED, third))).isEmpty();
    }

    @Test
    void keepsItsWindowAcrossARestart() {
        // given three signals seen by one instance
        play(monitor, "BTCUSDT", 0);
        play(monitor, "BTCUSDT", 60);
        play(monitor, "BTCUSDT", 120);

        // when a new instance sees the 4th
        List<Emit> emitted = play(
                new SignalFlowMonitor(fixture.services(), new ActiveUniverse(fixture.services())), "BTCUSDT", 180);

        // then it floods
        assertThat(emitted).extracting(Emit::type).containsExactly(OS_SELF_HEALING_TRIGGERED, OS_UNIVERSE_UPDATED);
    }

    @Test
    void handlingTheSameSignalTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given three signals and the runtime around the monitor
        play(monitor, "BTCUSDT", 0);
        play(monitor, "BTCUSDT", 60);
        play(monitor, "BTCUSDT", 120);
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("signal_flow_monitor", Domain.CORE_OS, monitor), published::add);
        BusEvent fourth = fixture.busEvent(AI_SIGNAL_GENERATED, signalAt("BTCUSDT", 180));

        // when the 4th is delivered twice
        assertThat(runtime.dispatch(fourth).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        Map<String, String> state = fixture.snapshot(STATE_KEYS);
        assertThat(runtime.dispatch(fourth).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one throttle and one universe update
        assertThat(published).extracting(BusEvent::name)
                .containsExactly("os.self_healing.triggered", "os.universe.updated");
        assertThat(fixture.snapshot(STATE_KEYS)).isEqualTo(state);
    }
}
