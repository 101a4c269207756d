package com.quantumtrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.testing.TestEvents;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every EventBus backend promises, whatever carries the events. Each backend's test supplies the bus, a way
 * to see what one subscriber receives, and a way to wait until everything published has been dealt with:
 * <ul>
 *   <li>in-process and Redis Streams: a real subscription on the bus;</li>
 *   <li>EventBridge: the bus only publishes, so its test runs against a local PutEvents server that applies each
 *       route's pattern with event-ruler (EventBridge's own matching engine) to the entries it accepted, as the
 *       rules the CDK app creates would, and reports what each rule's target would have received. That checks
 *       what our code controls (what is sent, in which order, in which shape); EventBridge's delivery itself is
 *       out of reach locally.</li>
 * </ul>
 * Routes come from the real routing table, events from the real catalog, validated against their schemas.
 */
abstract class EventBusContract {

    /** Fractions of a second down to nanoseconds, to check the envelope's time survives every hop. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00.123456789Z"), ZoneOffset.UTC);

    static final Route SIGNAL_ORCHESTRATOR = RoutingTable.standard().require("signal_orchestrator");
    static final Route MARK_TO_MARKET = RoutingTable.standard().require("mark_to_market");
    static final Route GLOBAL_RISK_CONTROLLER = RoutingTable.standard().require("global_risk_controller");
    static final Route SIGNAL_EXECUTOR = RoutingTable.standard().require("signal_executor");
    /** A content filter: only ETHUSDT bars. */
    static final Route ETH_BARS = new Route("eth_bar_watcher", Domain.AI_ENGINE, EventJson.readTree("""
            {"source": ["quantum.execution"], "detail-type": ["market.price.update"],
             "detail": {"payload": {"symbol": ["ETHUSDT"]}}}"""));

    final TestEvents events = new TestEvents(CLOCK);

    /** What one subscriber has received so far, in arrival order. */
    interface Inbox {
        List<BusEvent> events();
    }

    abstract EventBus bus();

    /** Starts receiving what a subscriber with this route gets. */
    abstract Inbox subscribe(Route route);

    /** Returns once every event published so far has been delivered to, or filtered out for, every subscriber. */
    abstract void awaitAllDelivered();

    /** For backends with real subscriptions: records each delivery and acknowledges it. */
    static Inbox recordingSubscription(EventBus bus, Route route) {
        List<BusEvent> received = new CopyOnWriteArrayList<>();
        bus.subscribe(route, event -> {
            received.add(event);
            return HandlerOutcome.handled(List.of());
        });
        return () -> List.copyOf(received);
    }

    @Test
    void deliversAnEventToExactlyTheSubscribersWhosePatternMatchesIt() {
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        Inbox markToMarket = subscribe(MARK_TO_MARKET);
        Inbox riskController = subscribe(GLOBAL_RISK_CONTROLLER);
        Inbox executor = subscribe(SIGNAL_EXECUTOR);
        BusEvent bar = bar("BTCUSDT", "67251.10");

        bus().publish(bar);

        Await.until(() -> assertThat(orchestrator.events()).hasSize(1));
        Await.until(() -> assertThat(markToMarket.events()).hasSize(1));
        awaitAllDelivered();
        assertThat(orchestrator.events()).containsExactly(bar);
        assertThat(markToMarket.events()).containsExactly(bar);
        assertThat(riskController.events()).isEmpty();
        assertThat(executor.events()).isEmpty();
    }

    @Test
    void deliversTheEnvelopeUnchangedWithItsDecimalsTimeAndTraceId() {
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        BusEvent bar = events.event(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate("BTCUSDT", "1m",
                Instant.parse("2025-03-01T11:59:00Z"), Instant.parse("2025-03-01T12:00:00Z"),
                new BigDecimal("67250.50"), new BigDecimal("67300.00"), new BigDecimal("67200.10"),
                new BigDecimal("67251.10"), new BigDecimal("12.34500"), MarketPriceUpdate.BAR_CLOSE),
                "01JNBKD4Z3TRACE0000000000A");

        bus().publish(bar);

        Await.until(() -> assertThat(orchestrator.events()).hasSize(1));
        BusEvent received = orchestrator.events().get(0);
        assertThat(EventJson.write(received)).isEqualTo(EventJson.write(bar));
        assertThat(received.traceId()).isEqualTo("01JNBKD4Z3TRACE0000000000A");
        assertThat(received.envelope().occurredAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123456789Z"));
        JsonNode payload = received.envelope().payload();
        assertThat(payload.get("close").decimalValue()).isEqualTo(new BigDecimal("67251.10")).hasScaleOf(2);
        assertThat(payload.get("volume").decimalValue()).isEqualTo(new BigDecimal("12.34500")).hasScaleOf(5);
        assertThat(EventJson.convert(payload, MarketPriceUpdate.class).high()).hasScaleOf(2)
                .isEqualTo(new BigDecimal("67300.00"));
    }

    @Test
    void deliversOnePublishersEventsToEachSubscriberInPublishOrder() {
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        Inbox regime = subscribe(RoutingTable.standard().require("regime_detector"));
        List<BusEvent> bars = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> bar("BTCUSDT", "67000." + String.format("%02d", i)))
                .toList();

        bars.forEach(bus()::publish);

        Await.until(() -> assertThat(orchestrator.events()).hasSize(30));
        Await.until(() -> assertThat(regime.events()).hasSize(30));
        assertThat(orchestrator.events()).containsExactlyElementsOf(bars);
        assertThat(regime.events()).containsExactlyElementsOf(bars);
    }

    @Test
    void aSubscriberWhosePatternDoesNotMatchReceivesNothing() {
        Inbox ethBars = subscribe(ETH_BARS);
        Inbox riskController = subscribe(GLOBAL_RISK_CONTROLLER);

        bus().publish(bar("BTCUSDT", "67251.10"));
        bus().publish(bar("SOLUSDT", "142.305"));
        awaitAllDelivered();

        assertThat(ethBars.events()).isEmpty();
        assertThat(riskController.events()).isEmpty();

        // the same subscriber is live: the one event its pattern matches reaches it, and only that one
        BusEvent ethBar = bar("ETHUSDT", "3412.55");
        bus().publish(ethBar);
        Await.until(() -> assertThat(ethBars.events()).hasSize(1));
        awaitAllDelivered();
        assertThat(ethBars.events()).containsExactly(ethBar);
        assertThat(riskController.events()).isEmpty();
    }

    @Test
    void routesEachEventNameOnlyToTheRoutesOfThatName() {
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        Inbox riskController = subscribe(GLOBAL_RISK_CONTROLLER);
        List<BusEvent> bars = new ArrayList<>();
        List<BusEvent> signals = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            BusEvent bar = bar("BTCUSDT", "6700" + i + ".5");
            BusEvent signal = signal("sig-" + i);
            bars.add(bar);
            signals.add(signal);
            bus().publish(bar);
            bus().publish(signal);
        }

        Await.until(() -> assertThat(orchestrator.events()).hasSize(3));
        Await.until(() -> assertThat(riskController.events()).hasSize(3));
        awaitAllDelivered();
        assertThat(orchestrator.events()).containsExactlyElementsOf(bars);
        assertThat(riskController.events()).containsExactlyElementsOf(signals);
    }

    BusEvent bar(String symbol, String close) {
        BigDecimal price = new BigDecimal(close);
        return events.event(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(symbol, "1m",
                Instant.parse("2025-03-01T11:59:00Z"), Instant.parse("2025-03-01T12:00:00Z"),
                price, price, price, price, new BigDecimal("3.250"), MarketPriceUpdate.BAR_CLOSE));
    }

    BusEvent signal(String signalId) {
        return events.event(EventCatalog.AI_SIGNAL_GENERATED, new SignalGenerated(signalId, "BTCUSDT", Side.LONG,
                0.72, new BigDecimal("67250.5"), new BigDecimal("66500.0"), new BigDecimal("68750.0"),
                new BigDecimal("0.015"), "ma_crossover", "ma_crossover-v1"));
    }

    /** The event with one payload field removed: a schema violation inside an otherwise valid envelope. */
    static BusEvent withoutPayloadField(BusEvent event, String field) {
        ObjectNode payload = event.envelope().payload().deepCopy();
        payload.remove(field);
        EventEnvelope envelope = event.envelope();
        return new BusEvent(event.source(), event.name(), new EventEnvelope(envelope.eventId(), envelope.traceId(),
                envelope.occurredAt(), envelope.producer(), envelope.schemaVersion(), payload));
    }
}
