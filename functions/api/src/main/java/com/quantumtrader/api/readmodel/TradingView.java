package com.quantumtrader.api.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.os.OperatorCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The read side of the trading routes, folded from the events the API subscribes to (the API may not read another
 * domain's state) into a key-value store, so that every process serving the routes sees the same view: Redis in AWS
 * (each Lambda invocation may be a fresh instance) and in paper runs, memory in backtests. Open positions, open
 * orders, recent trades, the latest performance snapshot, the safety switches as their events last reported them,
 * and the events of each recent trace.
 *
 * <p>Bounded: the newest {@link #RECENT_TRADES} trades, {@link #TRACES} traces of at most {@link #EVENTS_PER_TRACE}
 * events each. Idempotent and order-tolerant, as EventBridge delivers at least once and in no guaranteed order:
 * everything is keyed by a natural id (position, client order, event id), an event already in its trace is not
 * folded again, a close seen before its open leaves a (bounded) tombstone, and a snapshot only replaces an older
 * one. Payloads are stored and served as the events carried them, so prices keep their exact decimal text.
 */
public final class TradingView {

    public static final int RECENT_TRADES = 200;
    public static final int TRACES = 1000;
    static final int EVENTS_PER_TRACE = 64;
    /** Closes (and final fills) remembered, so that an open delivered after its close does not resurrect it. */
    static final int TOMBSTONES = 2000;

    /** The events this view reads: the routing table's {@code trading_projection} pattern lists exactly these. */
    static final Set<String> EVENTS = Set.of(
            EventCatalog.PORTFOLIO_POSITION_OPENED.name(), EventCatalog.PORTFOLIO_POSITION_CLOSED.name(),
            EventCatalog.EXECUTION_ORDER_SUBMITTED.name(), EventCatalog.EXECUTION_ORDER_FILLED.name(),
            EventCatalog.EXECUTION_ORDER_FAILED.name(), EventCatalog.TRADE_CLOSED.name(),
            EventCatalog.PORTFOLIO_PERFORMANCE.name(), EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name(),
            EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED.name(), EventCatalog.AI_SIGNAL_GENERATED.name(),
            EventCatalog.RISK_SIGNAL_APPROVED.name(), EventCatalog.RISK_SIGNAL_REJECTED.name(),
            EventCatalog.OS_OPERATOR_COMMAND.name(), EventCatalog.SAFETY_EMERGENCY_STOP.name());

    /** Relative keys in core OS's state (the API is core OS's control plane), all under this prefix. */
    static final String PREFIX = "trading_view:";
    private static final String POSITIONS = PREFIX + "positions";
    private static final String ORDERS = PREFIX + "orders";
    private static final String TRADES = PREFIX + "trades";
    private static final String LATEST = PREFIX + "latest";
    private static final String LAST_EVENT = PREFIX + "last_event";
    private static final String LAST_RECEIVED = PREFIX + "last_received";
    private static final String TRACE = PREFIX + "trace:";
    private static final String TRACE_COUNT = PREFIX + "trace_count:";

    private final KeyValueStore store;
    private final Clock receivedClock;
    private final BoundedRing traces;
    private final Tombstones closedPositions;
    private final Tombstones closedOrders;

    /** A view that reads, or folds with the system clock stamping when each event was received. */
    public TradingView(KeyValueStore store) {
        this(store, Clock.systemUTC());
    }

    /**
     * @param receivedClock wall time of the process folding the events: when a domain was last heard of is a
     *                      question about live processes, whatever clock the events' own times come from
     */
    public TradingView(KeyValueStore store, Clock receivedClock) {
        this.store = Objects.requireNonNull(store, "store");
        this.receivedClock = Objects.requireNonNull(receivedClock, "receivedClock");
        this.traces = new BoundedRing(store, PREFIX + "traces", TRACES);
        this.closedPositions = new Tombstones(store, PREFIX + "closed_positions", TOMBSTONES);
        this.closedOrders = new Tombstones(store, PREFIX + "closed_orders", TOMBSTONES);
    }

    /**
     * Folds one event into the view. A duplicate (an event already in its trace) changes nothing.
     *
     * @throws MalformedEventException for an event this view does not read, or one without the id it is keyed by
     */
    public void accept(BusEvent event) {
        String name = event.name();
        if (!EVENTS.contains(name)) {
            throw new MalformedEventException("the trading view does not read " + name + " (event " + event.eventId()
                    + "); its route selects only " + new TreeSet<>(EVENTS));
        }
        JsonNode payload = event.envelope().payload();
        if (payload == null || !payload.isObject()) {
            throw malformed(event, "has no payload object");
        }
        String traceKey = TRACE + event.traceId();
        if (store.hashGet(traceKey, event.eventId()).isPresent()) {
            return; // folded before: a redelivery
        }
        Instant at = event.envelope().occurredAt();
        fold(event, name, payload, at);
        keepLatest(LAST_EVENT, event.envelope().producer(), at);
        keepLatest(LAST_RECEIVED, event.envelope().producer(), receivedClock.instant());
        // the trace step goes last: a fold that failed half-way is redone on the redelivery, not skipped as a duplicate
        recordTrace(event, traceKey);
    }

    private void fold(BusEvent event, String name, JsonNode payload, Instant at) {
        if (name.equals(EventCatalog.PORTFOLIO_POSITION_OPENED.name())) {
            String id = required(event, payload, "position_id");
            if (!closedPositions.contains(id)) {
                store.hashPut(POSITIONS, id, EventJson.write(stamped(payload, "opened_at", at)));
            }
        } else if (name.equals(EventCatalog.PORTFOLIO_POSITION_CLOSED.name())) {
            String id = required(event, payload, "position_id");
            closedPositions.add(id);
            store.hashDelete(POSITIONS, id);
            closeProtectiveOrdersOf(payload.path("signal_id").asText());
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_SUBMITTED.name())) {
            String id = required(event, payload, "client_order_id");
            if (!closedOrders.contains(id)) {
                store.hashPut(ORDERS, id, EventJson.write(stamped(payload, "submitted_at", at)));
            }
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_FILLED.name())) {
            String id = required(event, payload, "client_order_id");
            if (payload.path("complete").asBoolean()) {
                closeOrder(id);
            }
        } else if (name.equals(EventCatalog.EXECUTION_ORDER_FAILED.name())) {
            closeOrder(required(event, payload, "client_order_id"));
        } else if (name.equals(EventCatalog.TRADE_CLOSED.name())) {
            store.hashPut(TRADES, event.eventId(), EventJson.write(payload));
            trimTrades();
        } else if (name.equals(EventCatalog.PORTFOLIO_PERFORMANCE.name())) {
            keepLatestSnapshot("performance", payload, at);
        } else if (name.equals(EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name())) {
            keepLatestSnapshot("emergency", stamped(stamped(payload, "triggered_at", at), "event_id",
                    event.eventId()), at);
        } else if (name.equals(EventCatalog.OS_OPERATOR_COMMAND.name())
                && OperatorCommand.Kind.EMERGENCY_RESET.name().equals(payload.path("command").asText())) {
            // risk & safety clears the latch on every valid reset and announces nothing of its own
            keepLatestSnapshot("emergency_reset", stamped(stamped(payload, "reset_at", at), "event_id",
                    event.eventId()), at);
        } else if (name.equals(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED.name())) {
            until(event, payload);
            keepLatestSnapshot("circuit_breaker", stamped(payload, "activated_at", at), at);
        }
    }

    public List<JsonNode> openPositions() {
        return values(POSITIONS, "opened_at");
    }

    public List<JsonNode> openOrders() {
        return values(ORDERS, "submitted_at");
    }

    /** Newest first, at most {@code limit}. */
    public List<JsonNode> recentTrades(int limit) {
        List<String> newestFirst = new ArrayList<>(store.hashGetAll(TRADES).values());
        Collections.reverse(newestFirst); // fields are event ids (ULIDs): key order is time order
        return newestFirst.stream().limit(limit).map(EventJson::readTree).toList();
    }

    public Optional<JsonNode> performance() {
        return snapshot("performance");
    }

    /** The last emergency trigger seen, if no operator's reset came after it: the emergency stop is latched. */
    public Optional<JsonNode> latchedEmergency() {
        Optional<JsonNode> trigger = snapshot("emergency");
        Optional<JsonNode> reset = snapshot("emergency_reset");
        if (trigger.isEmpty() || reset.isEmpty()) {
            return trigger;
        }
        return laterOf(trigger.get(), "triggered_at", reset.get(), "reset_at") == trigger.get() ? trigger
                : Optional.empty();
    }

    /** The last operator's reset of the emergency stop, if any. */
    public Optional<JsonNode> lastEmergencyReset() {
        return snapshot("emergency_reset");
    }

    /** By their time, and for one instant by their event ids (ULIDs of one producer's clock order). */
    private static JsonNode laterOf(JsonNode a, String aTime, JsonNode b, String bTime) {
        int byTime = Instant.parse(a.path(aTime).asText()).compareTo(Instant.parse(b.path(bTime).asText()));
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.path("event_id").asText().compareTo(b.path("event_id").asText()) > 0 ? a : b;
    }

    /** The last circuit-breaker activation, if it is still open at {@code now}. */
    public Optional<JsonNode> openCircuitBreaker(Instant now) {
        return snapshot("circuit_breaker")
                .filter(breaker -> now.isBefore(Instant.parse(breaker.path("until").asText())));
    }

    /** Every event of the trace seen, in the order the events were created (their ids are ULIDs). */
    public Optional<List<JsonNode>> trace(String traceId) {
        Map<String, String> steps = store.hashGetAll(TRACE + traceId);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(steps.values().stream().map(EventJson::readTree).toList());
    }

    /** Per producing domain, the latest {@code occurred_at} of its events (the events' own clock). */
    Map<String, Instant> lastEventByDomain() {
        return instants(LAST_EVENT);
    }

    /** Per producing domain, when this view last received one of its events (the folding process's wall clock). */
    public Map<String, Instant> lastReceivedByDomain() {
        return instants(LAST_RECEIVED);
    }

    private Map<String, Instant> instants(String hash) {
        Map<String, Instant> seen = new TreeMap<>();
        store.hashGetAll(hash).forEach((domain, at) -> seen.put(domain, Instant.parse(at)));
        return seen;
    }

    /**
     * Execution cancels what still guards a closed position (one cancels the other) and no event reports a cancel,
     * so the position's close is what retires its reduce-only orders here.
     */
    private void closeProtectiveOrdersOf(String signalId) {
        store.hashGetAll(ORDERS).forEach((clientOrderId, json) -> {
            JsonNode order = EventJson.readTree(json);
            if (order.path("reduce_only").asBoolean() && order.path("signal_id").asText().equals(signalId)) {
                closeOrder(clientOrderId);
            }
        });
    }

    private void closeOrder(String clientOrderId) {
        closedOrders.add(clientOrderId);
        store.hashDelete(ORDERS, clientOrderId);
    }

    private void trimTrades() {
        Map<String, String> trades = store.hashGetAll(TRADES);
        int excess = trades.size() - RECENT_TRADES;
        for (String oldest : trades.keySet()) {
            if (excess-- <= 0) {
                break;
            }
            store.hashDelete(TRADES, oldest);
        }
    }

    private void recordTrace(BusEvent event, String traceKey) {
        long count = store.increment(TRACE_COUNT + event.traceId(), 1);
        if (count == 1) {
            // a new trace takes the slot of the oldest one
            traces.add(event.traceId()).filter(evicted -> !evicted.equals(event.traceId())).ifPresent(evicted -> {
                store.delete(TRACE + evicted);
                store.delete(TRACE_COUNT + evicted);
            });
        }
        if (count > EVENTS_PER_TRACE) {
            return;
        }
        ObjectNode step = EventJson.mapper().createObjectNode();
        step.put("event", event.name());
        step.put("producer", event.envelope().producer());
        step.put("event_id", event.eventId());
        step.put("occurred_at", event.envelope().occurredAt().toString());
        step.set("payload", event.envelope().payload());
        store.hashPut(traceKey, event.eventId(), EventJson.write(step));
    }

    /** Keeps {@code value} as the snapshot {@code field} unless a snapshot of a later event is there already. */
    private void keepLatestSnapshot(String field, JsonNode value, Instant at) {
        Optional<JsonNode> current = store.hashGet(LATEST, field).map(EventJson::readTree);
        if (current.isPresent() && Instant.parse(current.get().path("occurred_at").asText()).isAfter(at)) {
            return;
        }
        ObjectNode wrapped = EventJson.mapper().createObjectNode();
        wrapped.put("occurred_at", at.toString());
        wrapped.set("value", value);
        store.hashPut(LATEST, field, EventJson.write(wrapped));
    }

    private Optional<JsonNode> snapshot(String field) {
        return store.hashGet(LATEST, field).map(text -> EventJson.readTree(text).path("value"));
    }

    private void keepLatest(String hash, String field, Instant at) {
        Optional<Instant> current = store.hashGet(hash, field).map(Instant::parse);
        if (current.isEmpty() || current.get().isBefore(at)) {
            store.hashPut(hash, field, at.toString());
        }
    }

    private List<JsonNode> values(String hash, String stampField) {
        return store.hashGetAll(hash).values().stream()
                .map(EventJson::readTree)
                .sorted(Comparator.comparing((JsonNode node) -> node.path(stampField).asText()))
                .toList();
    }

    private static void until(BusEvent event, JsonNode payload) {
        String until = required(event, payload, "until");
        try {
            Instant.parse(until);
        } catch (DateTimeParseException e) {
            throw malformed(event, "has an until that is not an instant: '" + until + "'");
        }
    }

    private static String required(BusEvent event, JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw malformed(event, "has no " + field);
        }
        return value.asText();
    }

    private static MalformedEventException malformed(BusEvent event, String problem) {
        return new MalformedEventException("the trading view cannot fold " + event.name() + " " + event.eventId()
                + ": it " + problem);
    }

    private static JsonNode stamped(JsonNode payload, String field, Instant at) {
        return stamped(payload, field, at.toString());
    }

    private static JsonNode stamped(JsonNode payload, String field, String value) {
        ObjectNode copy = payload.deepCopy();
        copy.put(field, value);
        return copy;
    }

    /** A fixed number of slots taken in turn: adding an id pushes out the one added {@code capacity} adds ago. */
    record BoundedRing(KeyValueStore store, String name, int capacity) {

        Optional<String> add(String id) {
            long n = store.increment(name + ":seq", 1); // atomic: concurrent adds take different slots
            String slot = Long.toString(Math.floorMod(n - 1, (long) capacity));
            Optional<String> evicted = store.hashGet(name + ":ring", slot);
            store.hashPut(name + ":ring", slot, id);
            return evicted;
        }
    }

    /** Ids that were closed, the newest {@code capacity} of them. */
    record Tombstones(KeyValueStore store, String name, int capacity) {

        boolean contains(String id) {
            return store.hashGet(name, id).isPresent();
        }

        void add(String id) {
            if (contains(id)) {
                return;
            }
            store.hashPut(name, id, "closed");
            new BoundedRing(store, name, capacity).add(id).filter(evicted -> !evicted.equals(id))
                    .ifPresent(evicted -> store.hashDelete(name, evicted));
        }
    }
}
