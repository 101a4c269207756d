package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.events.SamplePayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract evolution: a producer deployed before its consumers adds a payload field. Every handler of the routing
 * table still accepts the v1 event (the tolerant reader), while a producer still may not publish the field
 * (strict), and another schema version is still refused. Before this, every schema being closed
 * ({@code additionalProperties: false}), each such event was dead-lettered.
 */
class NewerProducerFieldsTest {

    static final String NEW_FIELD = "added_by_a_newer_producer";

    LocalPlatform platform;
    Map<String, HandlerRuntime> runtimes;

    @BeforeEach
    void start() {
        List<MarketPriceUpdate> replay = KlineCsvFixture.series(7L, List.of("BTCUSDT"), 3).get(0);
        platform = new LocalPlatform(new LocalPlatform.Setup(1L, BarSource.replay(replay),
                StateBackend.inMemory(PolicyDefaults.load()), Optional.empty(), Optional.empty()));
        runtimes = platform.runtimes().stream().collect(Collectors.toMap(HandlerRuntime::name, Function.identity()));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void everyHandlerOfTheRoutingTableAcceptsAV1EventWithAnUnknownPayloadField() {
        List<String> deliveries = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Route route : RoutingTable.standard().routes()) {
            for (JsonNode eventName : route.pattern().path("detail-type")) {
                EventType<?> type = EventCatalog.require(eventName.asText());
                ObjectNode entry = withNewField(type);

                HandlerOutcome outcome = runtimes.get(route.handler()).dispatchJson(entry.toString());

                deliveries.add(route.handler() + " <- " + type.name());
                if (outcome.status() == HandlerOutcome.Status.REJECTED) {
                    refused.add(route.handler() + " <- " + type.name() + ": " + outcome.reason());
                }
            }
        }

        assertThat(deliveries).as("every route was exercised").hasSizeGreaterThanOrEqualTo(
                RoutingTable.standard().routes().size());
        assertThat(refused).as("deliveries refused").isEmpty();
    }

    @Test
    void aProducerMayStillNotPublishAFieldItsSchemaDoesNotName() {
        ObjectNode entry = withNewField(EventCatalog.RISK_SIGNAL_APPROVED);
        var received = EventValidator.decode(entry);

        assertThatThrownBy(() -> EventValidator.validate(received))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(NEW_FIELD);
    }

    @Test
    void aConsumerStillRefusesAnotherSchemaVersionAndABrokenKnownField() {
        HandlerRuntime executor = runtimes.get("signal_executor");
        ObjectNode v2 = withNewField(EventCatalog.RISK_SIGNAL_APPROVED);
        ((ObjectNode) v2.get("detail")).put("schema_version", 2);
        ObjectNode broken = withNewField(EventCatalog.RISK_SIGNAL_APPROVED);
        SamplePayloads.payloadOf(broken).put("approved_quantity", "a lot");

        assertThat(executor.dispatchJson(v2.toString()).reason()).contains("schema_version 2 is not supported");
        assertThat(executor.dispatchJson(broken.toString()).status()).isEqualTo(HandlerOutcome.Status.REJECTED);
    }

    /** The event's sample as its producer would publish it, plus one field a later release added. */
    private static ObjectNode withNewField(EventType<?> type) {
        ObjectNode entry = SamplePayloads.entry(type);
        SamplePayloads.payloadOf(entry).put(NEW_FIELD, "ignored by older consumers");
        return entry;
    }
}
