package com.quantumtrader.os.flow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The signal-flow rules on plain values: no store, no handler. */
class SignalFlowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** The window after {@code count} BTCUSDT signals an hour apart from T0, none throttled. */
    private static FlowState btcSignals(int count) {
        FlowState window = FlowState.empty();
        for (int i = 0; i < count; i++) {
            window = SignalFlow.observe(window, "BTCUSDT", "s" + i, at(60 * i), new TreeSet<>()).window();
        }
        return window;
    }

    @Test
    void aFourthSignalWithinSixHoursFloodsAndThrottlesTheSymbol() {
        // when
        SignalFlow.Observation seen = SignalFlow.observe(btcSignals(3), "BTCUSDT", "s3", at(180), new TreeSet<>());

        // then
        assertThat(seen.floods()).containsExactly(new SignalFlow.Flood("BTCUSDT", 4));
        assertThat(seen.floods().get(0).issue()).isEqualTo("signal flood on BTCUSDT: 4 signals within 6h (max 3)");
        assertThat(seen.throttled()).containsExactly("BTCUSDT");
        assertThat(seen.released()).isEmpty();
    }

    @Test
    void anAlreadyThrottledSymbolIsNotReportedAgain() {
        SortedSet<String> throttled = new TreeSet<>(java.util.List.of("BTCUSDT"));

        SignalFlow.Observation seen = SignalFlow.observe(btcSignals(4), "BTCUSDT", "s4", at(240), throttled);

        assertThat(seen.floods()).isEmpty();
        assertThat(seen.throttled()).containsExactly("BTCUSDT");
    }

    @Test
    void signalsOlderThanTheWindowDropOutAndReleaseTheThrottle() {
        // given four signals in hours 0-3, BTCUSDT throttled
        SortedSet<String> throttled = new TreeSet<>(java.util.List.of("BTCUSDT"));

        // when an ETHUSDT signal comes at 8 h: BTCUSDT's signals of hours 0, 1 and 2 have left the window
        SignalFlow.Observation seen = SignalFlow.observe(btcSignals(4), "ETHUSDT", "e0", at(480), throttled);

        // then
        assertThat(seen.released()).containsExactly("BTCUSDT");
        assertThat(seen.throttled()).isEmpty();
        assertThat(seen.window().recent().get("BTCUSDT")).hasSize(1);
        assertThat(seen.window().recent()).containsKey("ETHUSDT");
    }

    @Test
    void recognisesARedeliveredSignal() {
        assertThat(btcSignals(2).hasSeen("BTCUSDT", "s1")).isTrue();
        assertThat(btcSignals(2).hasSeen("BTCUSDT", "s9")).isFalse();
        assertThat(btcSignals(2).hasSeen("ETHUSDT", "s1")).isFalse();
    }
}
