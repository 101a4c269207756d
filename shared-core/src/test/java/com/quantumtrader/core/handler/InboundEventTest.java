package com.quantumtrader.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.testing.TestEvents;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.os.UniverseUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every handler of one event reads the same payload; decoding it once is only a saving when nothing can change it. */
class InboundEventTest {

    private final TestEvents events = new TestEvents(new SimulatedClock(Instant.parse("2025-01-01T00:00:00Z")));

    @Test
    void handlersOfOneEventShareOneDecodedPayloadWhenItHoldsOnlyScalars() {
        BusEvent signal = events.event(EventCatalog.AI_SIGNAL_GENERATED, HandlerRuntimeTest.signal());

        SignalGenerated first = new InboundEvent(signal).payload(EventCatalog.AI_SIGNAL_GENERATED);
        SignalGenerated second = new InboundEvent(signal).payload(EventCatalog.AI_SIGNAL_GENERATED);

        assertThat(second).isSameAs(first).isEqualTo(HandlerRuntimeTest.signal());
    }

    @Test
    void anotherEventIsDecodedFromItsOwnPayloadEvenWhenItsContentIsEqual() {
        BusEvent one = events.event(EventCatalog.AI_SIGNAL_GENERATED, HandlerRuntimeTest.signal());
        BusEvent other = events.event(EventCatalog.AI_SIGNAL_GENERATED, HandlerRuntimeTest.signal());

        SignalGenerated first = new InboundEvent(one).payload(EventCatalog.AI_SIGNAL_GENERATED);
        SignalGenerated second = new InboundEvent(other).payload(EventCatalog.AI_SIGNAL_GENERATED);

        assertThat(second).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void aPayloadWithAListIsDecodedAfreshForEachHandlerSoNoHandlerCanChangeAnothersCopy() {
        BusEvent universe = events.event(EventCatalog.OS_UNIVERSE_UPDATED,
                new UniverseUpdated(new ArrayList<>(List.of("BTCUSDT", "ETHUSDT")), "liquidity"));

        UniverseUpdated first = new InboundEvent(universe).payload(EventCatalog.OS_UNIVERSE_UPDATED);
        first.symbols().clear();
        UniverseUpdated second = new InboundEvent(universe).payload(EventCatalog.OS_UNIVERSE_UPDATED);

        assertThat(second).isNotSameAs(first);
        assertThat(second.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void refusesToReadAPayloadAsAnotherEventsType() {
        InboundEvent signal = new InboundEvent(events.event(EventCatalog.AI_SIGNAL_GENERATED,
                HandlerRuntimeTest.signal()));

        assertThatThrownBy(() -> signal.payload(EventCatalog.OS_UNIVERSE_UPDATED))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expected os.universe.updated");
    }
}
