package com.quantumtrader.core.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.event.ruler.Machine;

/**
 * The local runtime's and the backtest's bus: routing by the same EventBridge patterns, with AWS's own pattern
 * engine (event-ruler), and deterministic FIFO dispatch. A publish made while dispatching is queued behind the
 * events already waiting, so causes are always delivered before their effects, in the order they happened, and a
 * replay produces the same sequence. Subscribers are called in subscription order.
 *
 * <p>Single-threaded by design: the thread that publishes when the bus is idle drains the queue.
 *
 * <p>A delivery put off ({@code RETRY_LATER}: Redis unreachable, or another attempt holds its claim) is delivered
 * again in place, after a {@link RetryBackoff}, until it is done with: there is no other copy of the event to
 * redeliver later, and waiting keeps the order of causes and effects (and so a run with a fault publishes what the
 * same run without it does). Only {@link #stopRetrying()} ends the wait; a delivery still put off then is
 * dead-lettered with its reason, as a FAILED or REJECTED one is at once.
 */
public final class InProcessEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    /** Pattern fields whose values every event carries outside its detail: routing on them alone can be memoised. */
    private static final Set<String> ENTRY_FIELDS = Set.of("source", "detail-type");

    private final Machine machine = new Machine();
    /**
     * The rules matched, by source and detail-type, while every subscribed pattern looks at those two fields only
     * (the routing table's do): then two events with the same pair match the same rules, and routing an event is a
     * map look-up instead of writing it as JSON and running the machine over it. Cleared when subscriptions change.
     */
    private final Map<List<String>, List<String>> routes = new HashMap<>();
    private int patternsBeyondEntryFields;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<BusEvent>> taps = new CopyOnWriteArrayList<>();
    private final Queue<BusEvent> queue = new ArrayDeque<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final List<DeadLetter> deadLetters = Collections.synchronizedList(new ArrayList<>());
    private boolean dispatching;
    private long subscriptions;
    private final RetryBackoff backoff;
    private final List<RetryListener> retryListeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopRetrying;

    /** Told when a delivery is put off and when a put-off delivery is done with (e.g. to report an outage). */
    public interface RetryListener {

        void putOff(String handler, BusEvent event, String reason, int attempt, Duration wait);

        void resumed(String handler, BusEvent event, int attempts);
    }

    public InProcessEventBus() {
        this(RetryBackoff.defaults());
    }

    public InProcessEventBus(RetryBackoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** A delivery the consumer could not handle, kept with its reason. */
    public record DeadLetter(String handler, BusEvent event, String reason) {
    }

    /**
     * {@code ruleName} is unique per subscription: event-ruler merges the patterns of rules that share a name, so
     * keying rules by handler name would let one subscription receive what another handler's pattern matches.
     */
    private record Subscriber(String ruleName, Route route, EventConsumer consumer) {
    }

    @Override
    public synchronized Subscription subscribe(Route route, EventConsumer consumer) {
        Subscriber subscriber = new Subscriber(route.handler() + "#" + (++subscriptions), route, consumer);
        try {
            machine.addRule(subscriber.ruleName(), route.patternJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid pattern for " + route.handler() + ": " + e.getMessage(), e);
        }
        subscribers.add(subscriber);
        if (!onlyEntryFields(route)) {
            patternsBeyondEntryFields++;
        }
        routes.clear();
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Subscriber subscriber) {
        if (!subscribers.remove(subscriber)) {
            return;
        }
        if (!onlyEntryFields(subscriber.route())) {
            patternsBeyondEntryFields--;
        }
        routes.clear();
        try {
            machine.deleteRule(subscriber.ruleName(), subscriber.route().patternJson());
        } catch (Exception e) {
            // the pattern was accepted by addRule, so it parses; the subscriber is gone either way
            LOG.warn("cannot remove the rule of {}: {}", subscriber.ruleName(), e.toString());
        }
    }

    private static boolean onlyEntryFields(Route route) {
        JsonNode pattern = route.pattern();
        if (pattern == null || !pattern.isObject()) {
            return false;
        }
        Iterator<String> fields = pattern.fieldNames();
        while (fields.hasNext()) {
            if (!ENTRY_FIELDS.contains(fields.next())) {
                return false;
            }
        }
        return true;
    }

    /** Sees every published event before any subscriber (event log, dashboard, tests). */
    public void tap(Consumer<BusEvent> observer) {
        taps.add(observer);
    }

    @Override
    public synchronized void publish(BusEvent event) {
        queue.add(event);
        published.increment();
        if (dispatching) {
            return;
        }
        dispatching = true;
        try {
            BusEvent next;
            while ((next = queue.poll()) != null) {
                deliver(next);
            }
        } finally {
            dispatching = false;
        }
    }

    private void deliver(BusEvent event) {
        for (Consumer<BusEvent> tap : taps) {
            try {
                tap.accept(event);
            } catch (RuntimeException e) {
                // an observer must not stop delivery (nor strand the events queued behind this one)
                LOG.warn("tap failed on {} {}: {}", event.name(), event.eventId(), e.toString());
            }
        }
        List<String> matched = matchedRules(event);
        if (matched == null) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            if (!matched.contains(subscriber.ruleName())) {
                continue;
            }
            HandlerOutcome outcome = call(subscriber, event);
            for (int attempt = 1; outcome.status() == HandlerOutcome.Status.RETRY_LATER && !stopRetrying; attempt++) {
                Duration wait = backoff.delay(attempt);
                String handler = subscriber.route().handler();
                LOG.warn("{} put off {} {} (attempt {}), delivering it again in {}: {}", handler, event.name(),
                        event.eventId(), attempt, wait, outcome.reason());
                for (RetryListener listener : retryListeners) {
                    listener.putOff(handler, event, outcome.reason(), attempt, wait);
                }
                if (!pause(wait)) {
                    break;
                }
                outcome = call(subscriber, event);
                if (outcome.status() != HandlerOutcome.Status.RETRY_LATER) {
                    LOG.info("{} took {} {} after {} attempts: {}", handler, event.name(), event.eventId(),
                            attempt + 1, outcome.status());
                    for (RetryListener listener : retryListeners) {
                        listener.resumed(handler, event, attempt + 1);
                    }
                }
            }
            if (!outcome.acknowledged()) {
                // In process there is no later redelivery to wait for: the event is kept with its reason.
                deadLettered.increment();
                deadLetters.add(new DeadLetter(subscriber.route().handler(), event, outcome.reason()));
                LOG.error("dead-lettered {} {} for {}: {}", event.name(), event.eventId(),
                        subscriber.route().handler(), outcome.reason());
            }
        }
    }

    private static HandlerOutcome call(Subscriber subscriber, BusEvent event) {
        HandlerOutcome outcome;
        try {
            outcome = subscriber.consumer().accept(event);
        } catch (RuntimeException e) {
            outcome = HandlerOutcome.failed(e.toString());
        }
        return outcome == null ? HandlerOutcome.failed("consumer returned no outcome") : outcome;
    }

    /** False when the wait was cut short (stop requested, thread interrupted). */
    private boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return !stopRetrying;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void onRetry(RetryListener listener) {
        retryListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Ends every wait for a put-off delivery (at shutdown): such a delivery is dead-lettered with its reason.
     * Not synchronized, so it reaches a bus whose dispatching thread is waiting.
     */
    public void stopRetrying() {
        stopRetrying = true;
    }

    /** The names of the rules the event matches; null when it cannot be routed. */
    private List<String> matchedRules(BusEvent event) {
        List<String> key = patternsBeyondEntryFields == 0 ? List.of(event.source(), event.name()) : null;
        List<String> matched = key == null ? null : routes.get(key);
        if (matched != null) {
            return matched;
        }
        try {
            matched = machine.rulesForJSONEvent(EventJson.write(event));
        } catch (Exception e) {
            LOG.error("cannot route {}: {}", event.name(), e.toString());
            return null;
        }
        if (key != null) {
            routes.put(key, List.copyOf(matched));
        }
        return matched;
    }

    public long publishedCount() {
        return published.sum();
    }

    public long deadLetterCount() {
        return deadLettered.sum();
    }

    public List<DeadLetter> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    @Override
    public synchronized void close() {
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            unsubscribe(subscriber);
        }
        queue.clear();
    }
}
