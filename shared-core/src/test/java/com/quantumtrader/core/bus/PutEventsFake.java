package com.quantumtrader.core.bus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.Route;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.event.ruler.Machine;

/**
 * A local EventBridge for the publish side, on WireMock: it answers {@code PutEvents} in the JSON 1.1 protocol
 * ({@code POST /}, {@code X-Amz-Target: AWSEvents.PutEvents}, {@code application/x-amz-json-1.1}; anything else
 * gets WireMock's 404), rejects a call of more than 10 entries as the service does, marks an entry
 * {@code MalformedDetail} when its Detail is not a JSON object, and fails the entries a test asks it to.
 *
 * <p>Each accepted entry becomes the event EventBridge would deliver to a rule's target
 * ({@code version, id, detail-type, source, account, time, region, resources, detail}), and every rule added with
 * {@link #rule(Route)} — the routing table's pattern, matched with event-ruler as EventBridge matches it —
 * records the events it would have delivered. That is as far as a local test can follow an event in AWS.
 */
final class PutEventsFake implements AutoCloseable {

    private static final String TRANSFORMER = "put-events";

    /** One PutEvents call as received: the envelope event ids of its entries, in order, and the raw body. */
    record Call(List<String> eventIds, JsonNode body, String target, String contentType) {
    }

    private final WireMockServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> failures = new HashMap<>();
    private long nextEventId;

    private record Rule(Machine machine, List<BusEvent> delivered) {
    }

    PutEventsFake() {
        server = new WireMockServer(options().dynamicPort().extensions(new PutEventsResponder()));
        server.start();
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .withHeader("Content-Type", containing("application/x-amz-json-1.1"))
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    String endpoint() {
        return server.baseUrl();
    }

    /** Forgets calls, rules and planned failures (one server serves a whole test class). */
    synchronized void reset() {
        calls.clear();
        rules.clear();
        failures.clear();
    }

    /** The next {@code times} entries carrying this envelope event id fail with {@code errorCode}. */
    synchronized void failEntry(String eventId, String errorCode, int times) {
        Deque<String> planned = failures.computeIfAbsent(eventId, id -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            planned.add(errorCode);
        }
    }

    /** A rule with this route's pattern; the returned list fills with what its target would receive. */
    synchronized List<BusEvent> rule(Route route) {
        Machine machine = new Machine();
        try {
            machine.addRule(route.handler(), route.patternJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("EventBridge would refuse the pattern of " + route.handler(), e);
        }
        Rule rule = new Rule(machine, new CopyOnWriteArrayList<>());
        rules.add(rule);
        return rule.delivered();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private synchronized String respond(String requestBody, String target, String contentType) {
        JsonNode request = EventJson.readTree(requestBody);
        JsonNode entries = request.path("Entries");
        List<String> eventIds = new ArrayList<>();
        entries.forEach(entry -> eventIds.add(eventIdOf(entry)));
        calls.add(new Call(eventIds, request, target, contentType));
        if (entries.size() > EventBridgeEventBus.MAX_ENTRIES_PER_CALL) {
            return null;
        }
        ObjectNode response = EventJson.mapper().createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String plannedError = planned(eventIds.get(i));
            JsonNode detail = parseDetail(entry.path("Detail").asText(""));
            if (plannedError == null && (detail == null || !detail.isObject())) {
                plannedError = "MalformedDetail";
            }
            if (plannedError != null) {
                failed++;
                results.addObject().put("ErrorCode", plannedError).put("ErrorMessage", plannedError + " (local fake)");
                continue;
            }
            String id = String.format("00000000-0000-0000-0000-%012d", ++nextEventId);
            results.addObject().put("EventId", id);
            deliver(asDeliveredEvent(id, entry, detail));
        }
        response.put("FailedEntryCount", failed);
        return response.toString();
    }

    private String planned(String eventId) {
        Deque<String> planned = failures.get(eventId);
        return planned == null ? null : planned.poll();
    }

    private static String eventIdOf(JsonNode entry) {
        JsonNode detail = parseDetail(entry.path("Detail").asText(""));
        return detail == null ? "" : detail.path("event_id").asText("");
    }

    private static JsonNode parseDetail(String detail) {
        try {
            return EventJson.readTree(detail);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The event as EventBridge hands it to a rule's target. */
    private static ObjectNode asDeliveredEvent(String id, JsonNode entry, JsonNode detail) {
        ObjectNode event = EventJson.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", entry.path("DetailType").asText());
        event.put("source", entry.path("Source").asText());
        event.put("account", "000000000000");
        // the SDK sends Time as epoch seconds (with a fraction); EventBridge shows it to the second
        Instant time = entry.has("Time")
                ? Instant.ofEpochSecond(new BigDecimal(entry.get("Time").asText()).longValue())
                : Instant.EPOCH;
        event.put("time", time.toString());
        event.put("region", "us-east-1");
        event.putArray("resources");
        event.set("detail", detail);
        return event;
    }

    private void deliver(ObjectNode event) {
        for (Rule rule : rules) {
            if (!rule.machine().rulesForJSONEvent(event).isEmpty()) {
                rule.delivered().add(EventValidator.decode(event));
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class PutEventsResponder implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            String body = respond(request.getBodyAsString(), request.getHeader("X-Amz-Target"),
                    request.getHeader("Content-Type"));
            if (body == null) {
                return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: "
                                + "Value at 'entries' failed to satisfy constraint: Member must have length less than "
                                + "or equal to 10\"}")
                        .build();
            }
            return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(body).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
