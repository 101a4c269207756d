package com.quantumtrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest extends EventBusContract {

    private final InProcessEventBus bus = new InProcessEventBus();

    @Override
    EventBus bus() {
        return bus;
    }

    @Override
    Inbox subscribe(Route route) {
        return recordingSubscription(bus, route);
    }

    @Override
    void awaitAllDelivered() {
        // publish returns after the queue is drained: everything is delivered already
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    @Test
    void deliversWhatAHandlerPublishesAfterTheEventsAlreadyQueued() {
        // given: two subscribers of bars that publish signals, and a risk controller that approves the first one
        BusEvent bar = bar("BTCUSDT", "67251.10");
        BusEvent firstSignal = signal("sig-1");
        BusEvent secondSignal = signal("sig-2");
        BusEvent thirdSignal = signal("sig-3");
        BusEvent approval = approval("sig-1");
        List<String> log = new CopyOnWriteArrayList<>();
        List<BusEvent> dispatched = new CopyOnWriteArrayList<>();
        bus.tap(dispatched::add);
        bus.subscribe(SIGNAL_ORCHESTRATOR, event -> {
            log.add("signal_orchestrator <- " + label(event));
            bus.publish(firstSignal);
            bus.publish(secondSignal);
            return HandlerOutcome.handled(List.of());
        });
        bus.subscribe(MARK_TO_MARKET, event -> {
            log.add("mark_to_market <- " + label(event));
            bus.publish(thirdSignal);
            return HandlerOutcome.handled(List.of());
        });
        bus.subscribe(GLOBAL_RISK_CONTROLLER, event -> {
            log.add("global_risk_controller <- " + label(event));
            if (event.equals(firstSignal)) {
                bus.publish(approval);
            }
            return HandlerOutcome.handled(List.of());
        });
        bus.subscribe(SIGNAL_EXECUTOR, event -> {
            log.add("signal_executor <- " + label(event));
            return HandlerOutcome.handled(List.of());
        });

        // when
        bus.publish(bar);

        // then: the bar reaches every subscriber before any of its effects, and effects queue in publish order
        assertThat(log).containsExactly(
                "signal_orchestrator <- market.price.update",
                "mark_to_market <- market.price.update",
                "global_risk_controller <- ai.signal.generated sig-1",
                "global_risk_controller <- ai.signal.generated sig-2",
                "global_risk_controller <- ai.signal.generated sig-3",
                "signal_executor <- risk.signal.approved sig-1");
        assertThat(dispatched).containsExactly(bar, firstSignal, secondSignal, thirdSignal, approval);
        assertThat(bus.publishedCount()).isEqualTo(5);
    }

    @Test
    void deadLettersAMalformedEventWithItsReasonAndDeliversTheOthers() {
        // given: a real handler runtime (validation, dedupe) behind the subscription
        List<String> handled = new ArrayList<>();
        HandlerRuntime runtime = new HandlerRuntime(
                new HandlerDefinition(SIGNAL_ORCHESTRATOR.handler(), Domain.AI_ENGINE, inbound -> {
                    handled.add(inbound.eventId());
                    return List.of();
                }),
                new InMemoryIdempotencyStore(), events.factory(), bus::publish);
        bus.subscribe(SIGNAL_ORCHESTRATOR, runtime::dispatch);
        BusEvent before = bar("BTCUSDT", "67251.10");
        BusEvent malformed = withoutPayloadField(bar("BTCUSDT", "67252.10"), "close");
        BusEvent after = bar("BTCUSDT", "67253.10");

        // when
        bus.publish(before);
        bus.publish(malformed);
        bus.publish(after);

        // then
        assertThat(handled).containsExactly(before.eventId(), after.eventId());
        assertThat(bus.deadLetterCount()).isEqualTo(1);
        assertThat(bus.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.handler()).isEqualTo("signal_orchestrator");
            assertThat(dead.event()).isEqualTo(malformed);
            assertThat(dead.reason()).contains(malformed.eventId()).contains("close");
        });
    }

    @Test
    void twoSubscriptionsUnderOneHandlerNameEachReceiveOnlyWhatTheirOwnPatternMatches() {
        Route btcBars = new Route(ETH_BARS.handler(), Domain.AI_ENGINE, EventJson.readTree("""
                {"detail-type": ["market.price.update"], "detail": {"payload": {"symbol": ["BTCUSDT"]}}}"""));
        Inbox eth = recordingSubscription(bus, ETH_BARS);
        Inbox btc = recordingSubscription(bus, btcBars);
        BusEvent ethBar = bar("ETHUSDT", "3412.55");
        BusEvent btcBar = bar("BTCUSDT", "67251.10");

        bus.publish(ethBar);
        bus.publish(btcBar);

        assertThat(eth.events()).containsExactly(ethBar);
        assertThat(btc.events()).containsExactly(btcBar);
    }

    @Test
    void aClosedSubscriptionReceivesNothingAndLeavesNoPatternBehind() {
        List<BusEvent> closedOne = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe(ETH_BARS, event -> {
            closedOne.add(event);
            return HandlerOutcome.handled(List.of());
        });
        subscription.close();
        Route btcBars = new Route(ETH_BARS.handler(), Domain.AI_ENGINE, EventJson.readTree("""
                {"detail-type": ["market.price.update"], "detail": {"payload": {"symbol": ["BTCUSDT"]}}}"""));
        Inbox successor = recordingSubscription(bus, btcBars);
        BusEvent btcBar = bar("BTCUSDT", "67251.10");

        bus.publish(bar("ETHUSDT", "3412.55"));
        bus.publish(btcBar);

        assertThat(closedOne).isEmpty();
        assertThat(successor.events()).containsExactly(btcBar);
    }

    @Test
    void subscriptionsMadeAfterEventsWereRoutedReceiveTheNextOnesAndContentFiltersStillApply() {
        // given: a subscriber on the event name alone has had a bar routed to it
        Inbox orchestrator = recordingSubscription(bus, SIGNAL_ORCHESTRATOR);
        bus.publish(bar("BTCUSDT", "67251.10"));
        // when: a second subscriber on the same name and one filtering on the payload join
        Inbox markToMarket = recordingSubscription(bus, MARK_TO_MARKET);
        Inbox eth = recordingSubscription(bus, ETH_BARS);
        BusEvent ethBar = bar("ETHUSDT", "3412.55");
        BusEvent btcBar = bar("BTCUSDT", "67260.00");
        bus.publish(ethBar);
        bus.publish(btcBar);
        // and: another content filter comes and goes
        bus.subscribe(ETH_BARS, event -> HandlerOutcome.handled(List.of())).close();
        BusEvent lastBar = bar("ETHUSDT", "3413.00");
        bus.publish(lastBar);

        // then: everyone received exactly what their pattern selects, from the moment they subscribed
        assertThat(orchestrator.events()).hasSize(4);
        assertThat(markToMarket.events()).containsExactly(ethBar, btcBar, lastBar);
        assertThat(eth.events()).containsExactly(ethBar, lastBar);
    }

    @Test
    void aFailingTapNeitherStopsDeliveryNorStrandsQueuedEvents() {
        bus.tap(event -> {
            throw new IllegalStateException("dashboard disconnected");
        });
        Inbox riskController = recordingSubscription(bus, GLOBAL_RISK_CONTROLLER);
        BusEvent signal = signal("sig-1");
        bus.subscribe(SIGNAL_ORCHESTRATOR, event -> {
            bus.publish(signal);
            return HandlerOutcome.handled(List.of());
        });

        bus.publish(bar("BTCUSDT", "67251.10"));

        assertThat(riskController.events()).containsExactly(signal);
    }

    @Test
    void deliversAPutOffDeliveryAgainInPlaceBeforeAnythingElseUntilItIsTaken() {
        // given: a handler that finds Redis unavailable twice, then handles the event
        InProcessEventBus patient = new InProcessEventBus(new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(4)));
        List<String> log = new CopyOnWriteArrayList<>();
        List<Integer> putOffAttempts = new CopyOnWriteArrayList<>();
        patient.onRetry(new InProcessEventBus.RetryListener() {
            @Override
            public void putOff(String handler, BusEvent event, String reason, int attempt, Duration wait) {
                putOffAttempts.add(attempt);
            }

            @Override
            public void resumed(String handler, BusEvent event, int attempts) {
                log.add("resumed after " + attempts);
            }
        });
        patient.subscribe(MARK_TO_MARKET, event -> {
            log.add("mark_to_market <- " + event.envelope().payload().path("close").asText());
            return log.size() < 3 ? HandlerOutcome.retryLater("Redis unavailable: command timed out")
                    : HandlerOutcome.handled(List.of());
        });

        // when
        patient.publish(bar("BTCUSDT", "67251.10"));
        patient.publish(bar("BTCUSDT", "67252.10"));

        // then: the first bar is delivered three times before the second is delivered at all, and nothing is lost
        assertThat(log).containsExactly("mark_to_market <- 67251.10", "mark_to_market <- 67251.10",
                "mark_to_market <- 67251.10", "resumed after 3", "mark_to_market <- 67252.10");
        assertThat(putOffAttempts).containsExactly(1, 2);
        assertThat(patient.deadLetters()).isEmpty();
    }

    @Test
    void deadLettersAStillPutOffDeliveryWithItsReasonOnceRetryingIsStopped() {
        InProcessEventBus stopping = new InProcessEventBus(new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)));
        stopping.subscribe(MARK_TO_MARKET, event -> {
            stopping.stopRetrying(); // as the shutdown hook does from its own thread
            return HandlerOutcome.retryLater("Redis unavailable: connection refused");
        });

        stopping.publish(bar("BTCUSDT", "67251.10"));

        assertThat(stopping.deadLetters()).extracting(InProcessEventBus.DeadLetter::reason)
                .containsExactly("Redis unavailable: connection refused");
    }

    @Test
    void backoffDoublesFromItsFirstWaitUpToItsMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(List.of(backoff.delay(1), backoff.delay(2), backoff.delay(3), backoff.delay(4), backoff.delay(60)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void deadLettersAFailedOrThrowingDeliveryWithItsReasonSinceNothingRedeliversInProcess() {
        bus.subscribe(SIGNAL_ORCHESTRATOR, event -> HandlerOutcome.failed("exchange timeout"));
        bus.subscribe(MARK_TO_MARKET, event -> {
            throw new IllegalStateException("no position book");
        });
        BusEvent bar = bar("BTCUSDT", "67251.10");

        bus.publish(bar);

        assertThat(bus.deadLetters()).extracting(InProcessEventBus.DeadLetter::handler, InProcessEventBus.DeadLetter::reason)
                .containsExactly(
                        tuple("signal_orchestrator", "exchange timeout"),
                        tuple("mark_to_market",
                                "java.lang.IllegalStateException: no position book"));
    }

    private BusEvent approval(String signalId) {
        return events.event(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signalId, "BTCUSDT", Side.LONG,
                new BigDecimal("0.010"), new BigDecimal("67250.5"), new BigDecimal("66500.0"),
                new BigDecimal("68750.0"), "ma_crossover", "ma_crossover-v1"));
    }

    private static String label(BusEvent event) {
        return event.envelope().payload().has("signal_id")
                ? event.name() + " " + event.envelope().payload().get("signal_id").asText()
                : event.name();
    }
}
