package com.quantumtrader.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of the trading routes, kept from the events the API subscribes to (the API may not read another
 * domain's state): open positions, open orders, recent trades, the latest performance snapshot, the safety
 * switches as their events last reported them, and the events of each recent trace. Bounded: the newest
 * {@link #RECENT_TRADES} trades and {@link #TRACES} traces are kept. Payloads are served as the events carried
 * them, so prices and quantities keep their exact decimal text.
 */
final class TradingView {

    static final int RECENT_TRADES = 200;
    static final int TRACES = 1000;
    static final int EVENTS_PER_TRACE = 64;

    /** The events this view reads; the API's subscription pattern lists exactly these names. */
    static final Set<String> EVENTS = Set.of(
            EventCatalog.PORTFOLIO_POSITION_OPENED.name(), EventCatalog.PORTFOLIO_POSITION_CLOSED.name(),
            EventCatalog.EXECUTION_ORDER_SUBMITTED.name(), EventCatalog.EXECUTION_ORDER_FILLED.name(),
            EventCatalog.EXECUTION_ORDER_FAILED.name(), EventCatalog.TRADE_CLOSED.name(),
            EventCatalog.PORTFOLIO_PERFORMANCE.name(), EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name(),
            EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED.name(), EventCatalog.AI_SIGNAL_GENERATED.name(),
            EventCatalog.RISK_SIGNAL_APPROVED.name(), EventCatalog.RISK_SIGNAL_REJECTED.name(),
            EventCatalog.OS_OPERATOR_COMMAND.name(), EventCatalog.SAFETY_EMERGENCY_STOP.name());

    private final Map<String, JsonNode> positions = new LinkedHashMap<>();
    private final Map<String, JsonNode> orders = new LinkedHashMap<>();
    private final Deque<JsonNode> trades = new ArrayDeque<>();
    private final Map<String, List<JsonNode>> traces = new LinkedHashMap<>();
    private final Map<String, Instant> lastEventByDomain = new LinkedHashMap<>();
    private JsonNode performance;
    private JsonNode emergency;
    private JsonNode circuitBreaker;

    /** Folds one event into the view; events of other names only update the trace and last-seen times. */
    synchronized void accept(BusEvent event) {
        String name = event.name();
        JsonNode payload = event.envelope().payload();
        Instant at = event.envelope().occurredAt();
        lastEventByDomain.merge(event.envelope().producer(), at, (a, b) -> a.isAfter(b) ? a : b);
        recordTrace(event);
        if (name.equals(EventCatalog.PORTFOLIO_POSITION_OPENED.name())) {
            positions.put(payload.path("position_id").asText(), stamped(payload, "opened_at", at));
        } else if (name.equals(EventCatalog.PORTFOLIO_POSITION_CLOSED.name())) {
            positions.remove(payload.path("position_id").asText());
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_SUBMITTED.name())) {
            orders.put(payload.path("client_order_id").asText(), stamped(payload, "submitted_at", at));
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_FILLED.name())) {
            if (payload.path("complete").asBoolean()) {
                orders.remove(payload.path("client_order_id").asText());
            }
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_FAILED.name())) {
            orders.remove(payload.path("client_order_id").asText());
        } else if (name.equals(EventCatalog.TRADE_CLOSED.name())) {
            trades.addFirst(payload);
            while (trades.size() > RECENT_TRADES) {
                trades.removeLast();
            }
        } else if (name.equals(EventCatalog.PORTFOLIO_PERFORMANCE.name())) {
            performance = payload;
        } else if (name.equals(EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name())) {
            emergency = stamped(payload, "triggered_at", at);
        } else if (name.equals(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED.name())) {
            circuitBreaker = stamped(payload, "activated_at", at);
        }
    }

    synchronized List<JsonNode> openPositions() {
        return List.copyOf(positions.values());
    }

    synchronized List<JsonNode> openOrders() {
        return List.copyOf(orders.values());
    }

    /** Newest first, at most {@code limit}. */
    synchronized List<JsonNode> recentTrades(int limit) {
        return trades.stream().limit(limit).toList();
    }

    synchronized Optional<JsonNode> performance() {
        return Optional.ofNullable(performance);
    }

    /** The last emergency trigger seen, if any (whether it was reset since is risk's state, not an event). */
    synchronized Optional<JsonNode> lastEmergencyTrigger() {
        return Optional.ofNullable(emergency);
    }

    /** The last circuit-breaker activation, if it is still open at {@code now}. */
    synchronized Optional<JsonNode> openCircuitBreaker(Instant now) {
        if (circuitBreaker == null) {
            return Optional.empty();
        }
        Instant until = Instant.parse(circuitBreaker.path("until").asText());
        return now.isBefore(until) ? Optional.of(circuitBreaker) : Optional.empty();
    }

    /** Every event of the trace seen, in arrival order: the lifecycle of one signal across the domains. */
    synchronized Optional<List<JsonNode>> trace(String traceId) {
        return Optional.ofNullable(traces.get(traceId)).map(List::copyOf);
    }

    synchronized Map<String, Instant> lastEventByDomain() {
        return Map.copyOf(lastEventByDomain);
    }

    private void recordTrace(BusEvent event) {
        List<JsonNode> events = traces.get(event.traceId());
        if (events == null) {
            if (traces.size() >= TRACES) {
                traces.remove(traces.keySet().iterator().next()); // the oldest trace
            }
            events = new ArrayList<>();
            traces.put(event.traceId(), events);
        }
        if (events.size() < EVENTS_PER_TRACE) {
            ObjectNode step = EventJson.mapper().createObjectNode();
            step.put("event", event.name());
            step.put("producer", event.envelope().producer());
            step.put("event_id", event.eventId());
            step.put("occurred_at", event.envelope().occurredAt().toString());
            step.set("payload", event.envelope().payload());
            events.add(step);
        }
    }

    private static JsonNode stamped(JsonNode payload, String field, Instant at) {
        ObjectNode copy = payload.deepCopy();
        copy.put(field, at.toString());
        return copy;
    }
}
