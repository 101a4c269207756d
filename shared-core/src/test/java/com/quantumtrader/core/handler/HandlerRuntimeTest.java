package com.quantumtrader.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.testing.TestEvents;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandlerRuntimeTest {

    final SimulatedClock clock = new SimulatedClock(Instant.parse("2025-01-01T00:00:00Z"));
    final TestEvents events = new TestEvents(clock);
    final List<BusEvent> published = new ArrayList<>();
    final AtomicInteger calls = new AtomicInteger();

    final EventHandler approveEverything = event -> {
        calls.incrementAndGet();
        SignalGenerated signal = event.payload(EventCatalog.AI_SIGNAL_GENERATED);
        return List.of(Emit.of(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signal.signalId(),
                signal.symbol(), signal.side(), signal.requestedQuantity(), signal.referencePrice(),
                signal.stopPrice(), signal.targetPrice(), signal.strategyId(), signal.modelId())));
    };

    HandlerRuntime runtime(EventHandler handler) {
        return new HandlerRuntime(new HandlerDefinition("global_risk_controller", Domain.RISK_SAFETY, handler),
                new InMemoryIdempotencyStore(), events.factory(), published::add);
    }

    static SignalGenerated signal() {
        return new SignalGenerated("sig-1", "BTCUSDT", Side.LONG, 0.8, new BigDecimal("60000.10"),
                new BigDecimal("59000.00"), new BigDecimal("62000.00"), new BigDecimal("0.010"), "ma_crossover",
                "ma_crossover@v1");
    }

    @Test
    void publishesWhatTheHandlerReturnsInTheIncomingTrace() {
        BusEvent incoming = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal(), "trace-abc");

        HandlerOutcome outcome = runtime(approveEverything).dispatch(incoming);

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("risk.signal.approved");
            assertThat(event.source()).isEqualTo("quantum.risk_safety");
            assertThat(event.traceId()).isEqualTo("trace-abc");
            assertThat(event.envelope().occurredAt()).isEqualTo(clock.instant());
            assertThat(event.envelope().payload().path("approved_quantity").decimalValue())
                    .isEqualByComparingTo("0.010");
        });
    }

    @Test
    void handlesARedeliveredEventOnlyOnce() {
        BusEvent incoming = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal());
        HandlerRuntime runtime = runtime(approveEverything);

        runtime.dispatch(incoming);
        HandlerOutcome second = runtime.dispatch(incoming);

        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(calls).hasValue(1);
        assertThat(published).hasSize(1);
        assertThat(runtime.metrics().duplicates()).isEqualTo(1);
    }

    @Test
    void rejectsAPayloadThatBreaksItsSchemaWithoutCallingTheHandler() {
        BusEvent valid = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal());
        ObjectNode payload = (ObjectNode) valid.envelope().payload().deepCopy();
        payload.put("confidence", "very high");
        payload.remove("symbol");
        BusEvent broken = BusEvent.of(valid.name(), withPayload(valid.envelope(), payload));

        HandlerOutcome outcome = runtime(approveEverything).dispatch(broken);

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(outcome.reason()).contains("confidence").contains("symbol");
        assertThat(calls).hasValue(0);
        assertThat(published).isEmpty();
    }

    @Test
    void rejectsTheSameBrokenEventEveryTimeItIsDelivered() {
        BusEvent valid = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal());
        ObjectNode payload = (ObjectNode) valid.envelope().payload().deepCopy();
        payload.remove("symbol");
        BusEvent broken = BusEvent.of(valid.name(), withPayload(valid.envelope(), payload));

        HandlerOutcome first = runtime(approveEverything).dispatch(broken);
        HandlerOutcome second = runtime(approveEverything).dispatch(broken);

        assertThat(first.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(calls).hasValue(0);
    }

    @Test
    void rejectsJsonThatIsNotAnEventWithAClearReason() {
        HandlerOutcome outcome = runtime(approveEverything).dispatchJson("{\"detail-type\": 42}");

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(outcome.reason()).contains("source").contains("detail");
    }

    @Test
    void anAlreadyParsedEntryIsDecodedAndRejectedExactlyAsItsJson() {
        String json = "{\"detail-type\": 42, \"detail\": []}";

        HandlerOutcome fromJson = runtime(approveEverything).dispatchJson(json);
        HandlerOutcome fromTree = runtime(approveEverything).dispatchTree(EventJson.readTree(json));

        assertThat(fromTree.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(fromTree.reason()).isEqualTo(fromJson.reason())
                .isEqualTo("malformed event: 'source' is missing or not a string; 'detail-type' is missing or not a "
                        + "string; 'detail' is missing or not an object");
        assertThat(calls).hasValue(0);
    }

    @Test
    void anAlreadyParsedEntryIsHandled() {
        BusEvent incoming = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal(), "trace-tree");

        HandlerOutcome outcome = runtime(approveEverything).dispatchTree(EventJson.tree(incoming));

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(published).singleElement().extracting(BusEvent::traceId).isEqualTo("trace-tree");
    }

    @Test
    void aFailedHandlerCanBeRetriedAndPublishesNothing() {
        AtomicInteger attempts = new AtomicInteger();
        EventHandler flaky = event -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("redis timeout");
            }
            return approveEverything.handle(event);
        };
        HandlerRuntime runtime = runtime(flaky);
        BusEvent incoming = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal());

        HandlerOutcome first = runtime.dispatch(incoming);
        HandlerOutcome retry = runtime.dispatch(incoming);

        assertThat(first.status()).isEqualTo(HandlerOutcome.Status.FAILED);
        assertThat(first.reason()).contains("redis timeout");
        assertThat(retry.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesToPublishAnEventOwnedByAnotherDomain() {
        EventHandler trespasser = event -> List.of(Emit.of(EventCatalog.AI_SIGNAL_GENERATED, signal()));

        HandlerOutcome outcome = runtime(trespasser).dispatch(events.event(EventCatalog.AI_SIGNAL_GENERATED, signal()));

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.FAILED);
        assertThat(outcome.reason()).contains("may not publish ai.signal.generated");
        assertThat(published).isEmpty();
    }

    @Test
    void refusesToPublishAnInvalidEvent() {
        EventHandler sloppy = event -> List.of(Emit.of(EventCatalog.RISK_SIGNAL_REJECTED,
                new SignalRejected("sig-1", "not a symbol!", Side.LONG, "LOW_CONFIDENCE", "0.55", "0.5", "too low")));

        HandlerOutcome outcome = runtime(sloppy).dispatch(events.event(EventCatalog.AI_SIGNAL_GENERATED, signal()));

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.FAILED);
        assertThat(outcome.reason()).contains("invalid event").contains("symbol");
        assertThat(published).isEmpty();
    }

    @Test
    void aNewTraceStartsWhenTheHandlerAsksForOne() {
        EventHandler starter = event -> approveEverything.handle(event).stream().map(Emit::newTrace).toList();
        BusEvent incoming = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal(), "trace-old");

        runtime(starter).dispatch(incoming);

        assertThat(published).singleElement().satisfies(e -> assertThat(e.traceId()).isNotEqualTo("trace-old"));
    }

    private static EventEnvelope withPayload(EventEnvelope envelope, ObjectNode payload) {
        return new EventEnvelope(envelope.eventId(), envelope.traceId(), envelope.occurredAt(), envelope.producer(),
                envelope.schemaVersion(), payload);
    }

    @Test
    void envelopeJsonUsesTheDocumentedFieldNames() {
        BusEvent event = events.event(EventCatalog.AI_SIGNAL_GENERATED, signal(), "t-1");
        assertThat(EventJson.tree(event).path("detail").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("event_id", "trace_id", "occurred_at", "producer", "schema_version",
                        "payload");
    }
}
