package com.quantumtrader.local.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.os.OperatorCommand;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dashboard shows beside the trading routes, folded from the bus: the equity curve, the recent events and
 * the emergency stop. Every change is also a numbered message, so a page that has the snapshot up to message N
 * follows the run from N on ({@link #awaitAfter}). Bar updates ({@code market.price.update}, one per symbol and
 * bar) stay out of the stream: they would drown the events a person follows.
 *
 * <p>Written by the bus thread, read by the HTTP threads: every method is synchronized, and readers wait on the
 * monitor for new messages.
 */
final class DashboardFeed {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);
    static final int MESSAGES = 2_000;
    static final int SNAPSHOT_EVENTS = 300;
    static final int EQUITY_POINTS = 2_000;

    /** One change the page applies: {@code type} is {@code bus} (an event), {@code equity} (a point) or {@code ess}. */
    record Message(long seq, String type, JsonNode data) {
    }

    /**
     * Messages after the one a reader had; {@code gap} when some of those were already dropped (the reader fell
     * more than {@link #MESSAGES} behind and must load the snapshot again).
     */
    record Batch(List<Message> messages, boolean gap, boolean closed) {
    }

    private final int capacity;
    private final Deque<Message> messages = new ArrayDeque<>();
    private final EquitySeries equity = new EquitySeries(EQUITY_POINTS);
    private long seq;
    private final Supplier<Optional<LatchReading>> latch;
    private EssStatus ess;
    private boolean closed;

    DashboardFeed() {
        this(MESSAGES);
    }

    DashboardFeed(int capacity) {
        this(capacity, null);
    }

    /**
     * @param latch reads risk & safety's persisted latch: the state to start from (a restart does not forget a
     *              latched stop), and the proof that a requested reset was carried out; null: events only
     */
    DashboardFeed(int capacity, Supplier<Optional<LatchReading>> latch) {
        this.capacity = capacity;
        this.latch = latch;
        this.ess = latch == null ? EssStatus.initial()
                : readLatch().map(l -> l.map(EssStatus::fromLatch).orElseGet(EssStatus::notLatched))
                        .orElseGet(EssStatus::initial);
    }

    /** The latch as risk persisted it; empty when there is no query or it failed (the events still tell). */
    private Optional<Optional<LatchReading>> readLatch() {
        if (latch == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(latch.get());
        } catch (RuntimeException e) {
            LOG.warn("cannot read the emergency stop's latch: {}", e.toString());
            return Optional.empty();
        }
    }

    synchronized void accept(BusEvent event) {
        String name = event.name();
        if (closed || name.equals(EventCatalog.MARKET_PRICE_UPDATE.name())) {
            return;
        }
        JsonNode payload = event.envelope().payload();
        String at = event.envelope().occurredAt().toString();
        append("bus", entry(event));
        if (name.equals(EventCatalog.PORTFOLIO_PERFORMANCE.name())) {
            append("equity", equity.add(payload));
        } else if (name.equals(EventCatalog.SAFETY_EMERGENCY_TRIGGERED.name())) {
            changeEss(EssStatus.latched(payload, at));
        } else if (name.equals(EventCatalog.SAFETY_EMERGENCY_STOP.name()) && ess.state().equals(EssStatus.LATCHED)) {
            changeEss(ess.requestedBy(payload.path("requested_by").asText()));
        } else if (name.equals(EventCatalog.OS_OPERATOR_COMMAND.name())
                && payload.path("command").asText().equals(OperatorCommand.Kind.EMERGENCY_RESET.name())
                && ess.state().equals(EssStatus.LATCHED)) {
            changeEss(EssStatus.resetRequested(payload, at));
        } else if (name.equals(EventCatalog.RISK_SIGNAL_APPROVED.name())
                && ess.state().equals(EssStatus.RESET_REQUESTED)) {
            changeEss(EssStatus.cleared(at));
        } else if (ess.state().equals(EssStatus.RESET_REQUESTED)
                && readLatch().filter(Optional::isEmpty).isPresent()) {
            // risk's state no longer holds the latch: the reset was carried out
            changeEss(EssStatus.cleared(at));
        }
        notifyAll();
    }

    /** Everything the page needs to start: then it follows the messages after {@code last_seq}. */
    synchronized ObjectNode snapshot() {
        ObjectNode snapshot = EventJson.mapper().createObjectNode();
        snapshot.put("last_seq", seq);
        ArrayNode points = snapshot.putArray("equity");
        equity.points().forEach(points::add);
        List<JsonNode> recent = new ArrayList<>();
        for (Message message : messages) {
            if (message.type().equals("bus")) {
                recent.add(message.data());
            }
        }
        ArrayNode events = snapshot.putArray("events");
        recent.subList(Math.max(0, recent.size() - SNAPSHOT_EVENTS), recent.size()).forEach(events::add);
        snapshot.set("ess", EventJson.tree(ess));
        return snapshot;
    }

    synchronized EssStatus ess() {
        return ess;
    }

    synchronized long lastSeq() {
        return seq;
    }

    /**
     * The messages after {@code after}, waiting up to {@code timeout} for the first one; an empty batch after the
     * timeout (the caller sends a keep-alive), or at once when the feed is closed.
     */
    synchronized Batch awaitAfter(long after, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (after > seq) { // the page followed an earlier run: it must start over
            return new Batch(List.of(), true, closed);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && seq <= after) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Batch(List.of(), false, false);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (closed) {
            return new Batch(List.of(), false, true);
        }
        long oldest = messages.isEmpty() ? seq + 1 : messages.peekFirst().seq();
        if (after < oldest - 1) {
            return new Batch(List.of(), true, false);
        }
        List<Message> newer = new ArrayList<>();
        for (Message message : messages) {
            if (message.seq() > after) {
                newer.add(message);
            }
        }
        return new Batch(newer, false, false);
    }

    /** Wakes every waiting reader for good. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void changeEss(EssStatus next) {
        ess = next;
        append("ess", EventJson.tree(next));
    }

    private void append(String type, JsonNode data) {
        messages.addLast(new Message(++seq, type, data));
        while (messages.size() > capacity) {
            messages.removeFirst();
        }
    }

    private static ObjectNode entry(BusEvent event) {
        ObjectNode entry = EventJson.mapper().createObjectNode();
        entry.put("name", event.name());
        entry.put("producer", event.envelope().producer());
        entry.put("trace_id", event.traceId());
        entry.put("event_id", event.eventId());
        entry.put("occurred_at", event.envelope().occurredAt().toString());
        entry.set("payload", event.envelope().payload());
        return entry;
    }
}
