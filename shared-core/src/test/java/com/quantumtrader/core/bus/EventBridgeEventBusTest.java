package com.quantumtrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.os.UniverseUpdated;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The real AWS SDK client against a local PutEvents server ({@link PutEventsFake}); the contract's subscribers
 * are that server's rules, built from the routing table's patterns.
 */
class EventBridgeEventBusTest extends EventBusContract {

    private static PutEventsFake eventBridge;
    private static EventBridgeClient client;
    private EventBridgeEventBus bus;

    @BeforeAll
    static void startLocalEventBridge() {
        eventBridge = new PutEventsFake();
        client = EventBridgeClient.builder()
                .endpointOverride(URI.create(eventBridge.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopLocalEventBridge() {
        client.close();
        eventBridge.close();
    }

    @BeforeEach
    void newBus() {
        eventBridge.reset();
        bus = new EventBridgeEventBus(client, settings());
    }

    /** Real backoff shape, in milliseconds instead of tenths of seconds. */
    private static EventBridgeEventBus.Settings settings() {
        return EventBridgeEventBus.Settings.defaults("quantum-test")
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4));
    }

    @Override
    EventBus bus() {
        return bus;
    }

    @Override
    Inbox subscribe(Route route) {
        List<BusEvent> delivered = eventBridge.rule(route);
        return () -> List.copyOf(delivered);
    }

    @Override
    void awaitAllDelivered() {
        // PutEvents returns after the local server accepted the entries and matched them against its rules
    }

    @Test
    void putsEachEventWithItsSourceDetailTypeEnvelopeAndBusName() {
        BusEvent bar = bar("BTCUSDT", "67251.10");

        bus.publish(bar);

        assertThat(eventBridge.calls()).singleElement().satisfies(call -> {
            assertThat(call.target()).isEqualTo("AWSEvents.PutEvents");
            assertThat(call.contentType()).startsWith("application/x-amz-json-1.1");
            JsonNode entry = call.body().path("Entries").get(0);
            assertThat(entry.path("Source").asText()).isEqualTo("quantum.execution");
            assertThat(entry.path("DetailType").asText()).isEqualTo("market.price.update");
            assertThat(entry.path("EventBusName").asText()).isEqualTo("quantum-test");
            assertThat(entry.path("Detail").asText()).isEqualTo(EventJson.write(bar.envelope()));
            assertThat(entry.path("Time").decimalValue().longValue())
                    .isEqualTo(bar.envelope().occurredAt().getEpochSecond());
        });
    }

    @Test
    void batchesTwentyFiveEventsIntoCallsOfTenTenAndFive() {
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        List<BusEvent> bars = bars(25);

        bus.publishAll(bars);

        assertThat(eventBridge.calls()).extracting(call -> call.eventIds().size()).containsExactly(10, 10, 5);
        assertThat(eventBridge.calls().stream().flatMap(call -> call.eventIds().stream()))
                .containsExactlyElementsOf(ids(bars));
        assertThat(orchestrator.events()).containsExactlyElementsOf(bars);
    }

    @Test
    void resendsOnlyTheEntriesTheResponseMarkedFailed() {
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        List<BusEvent> bars = bars(10);
        eventBridge.failEntry(bars.get(2).eventId(), "ThrottlingException", 1);
        eventBridge.failEntry(bars.get(7).eventId(), "InternalFailure", 1);

        bus.publishAll(bars);

        assertThat(eventBridge.calls()).extracting(PutEventsFake.Call::eventIds).containsExactly(
                ids(bars),
                List.of(bars.get(2).eventId(), bars.get(7).eventId()));
        assertThat(orchestrator.events()).containsExactlyInAnyOrderElementsOf(bars);
    }

    @Test
    void throwsNamingTheEntriesThatStillFailAfterTheLastAttemptAndPublishesTheRest() {
        Inbox orchestrator = subscribe(SIGNAL_ORCHESTRATOR);
        List<BusEvent> bars = bars(12);
        BusEvent doomed = bars.get(1);
        eventBridge.failEntry(doomed.eventId(), "InternalFailure", 99);

        assertThatThrownBy(() -> bus.publishAll(bars))
                .isInstanceOf(EventBridgeEventBus.PublishFailedException.class)
                .hasMessageContaining("1 event(s) not accepted by EventBridge after 3 attempt(s)")
                .hasMessageContaining(doomed.eventId())
                .hasMessageContaining("InternalFailure")
                .satisfies(e -> assertThat(((EventBridgeEventBus.PublishFailedException) e).failures())
                        .containsExactly(new EventBridgeEventBus.FailedEntry(doomed.eventId(), "market.price.update",
                                "InternalFailure", "InternalFailure (local fake)")));

        assertThat(eventBridge.calls()).extracting(call -> call.eventIds().size()).containsExactly(10, 1, 1, 2);
        List<BusEvent> others = new ArrayList<>(bars);
        others.remove(doomed);
        assertThat(orchestrator.events()).containsExactlyElementsOf(others);
    }

    @Test
    void refusesAnEntryOverTheSizeLimitBeforeSendingAnything() {
        EventBridgeEventBus legacyLimit = new EventBridgeEventBus(client,
                settings().withMaxEntryBytes(EventBridgeEventBus.LEGACY_MAX_ENTRY_BYTES));
        BusEvent universe = universe(30_000);

        assertThatThrownBy(() -> legacyLimit.publishAll(List.of(bar("BTCUSDT", "67251.10"), universe)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("os.universe.updated " + universe.eventId())
                .hasMessageContaining("over the limit of 262,144 bytes")
                .hasMessageContaining("nothing was sent");
        assertThat(eventBridge.calls()).isEmpty();

        bus.publish(universe); // the same entry is within AWS's 1 MB limit
        assertThat(eventBridge.calls()).hasSize(1);
    }

    @Test
    void measuresAnEntryAsEventBridgeDoesTimeSourceDetailTypeAndDetailInUtf8Bytes() {
        BusEvent bar = bar("BTCUSDT", "67251.10");
        int size = 14 + utf8(bar.source()) + utf8(bar.name()) + utf8(EventJson.write(bar.envelope()));

        new EventBridgeEventBus(client, settings().withMaxEntryBytes(size)).publish(bar);
        assertThatThrownBy(() -> new EventBridgeEventBus(client, settings().withMaxEntryBytes(size - 1)).publish(bar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.format("is %,d bytes", size));
        assertThat(eventBridge.calls()).hasSize(1);
    }

    @Test
    void startsANewCallWhenTheEntriesTogetherWouldExceedTheSizeLimit() {
        List<BusEvent> universes = List.of(universe(4_000), universe(4_000), universe(4_000));
        int size = 14 + utf8(universes.get(0).source()) + utf8(universes.get(0).name())
                + utf8(EventJson.write(universes.get(0).envelope()));
        EventBridgeEventBus limited = new EventBridgeEventBus(client, settings().withMaxEntryBytes(size * 5 / 2));

        limited.publishAll(universes);

        assertThat(eventBridge.calls()).extracting(call -> call.eventIds().size()).containsExactly(2, 1);
    }

    @Test
    void refusesToSubscribeBecauseEventBridgeRulesDeliverToTheLambdas() {
        assertThatThrownBy(() -> bus.subscribe(SIGNAL_ORCHESTRATOR, event -> HandlerOutcome.handled(List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signal_orchestrator")
                .hasMessageContaining("EventBridge rules deliver events to the handlers' Lambdas");
    }

    private List<BusEvent> bars(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> bar("BTCUSDT", new BigDecimal("67000.00").add(BigDecimal.valueOf(i)).toPlainString()))
                .toList();
    }

    /** A legitimately large event: a universe of {@code symbols} contracts (about 13 bytes each). */
    private BusEvent universe(int symbols) {
        List<String> universe = IntStream.range(0, symbols).mapToObj(i -> String.format("C%06dUSDT", i)).toList();
        return events.event(EventCatalog.OS_UNIVERSE_UPDATED, new UniverseUpdated(universe, "liquidity screen"));
    }

    private static List<String> ids(List<BusEvent> events) {
        return events.stream().map(BusEvent::eventId).toList();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
