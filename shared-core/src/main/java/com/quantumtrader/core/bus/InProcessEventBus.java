package com.quantumtrader.core.bus;

import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
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
 */
public final class InProcessEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Machine machine = new Machine();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<BusEvent>> taps = new CopyOnWriteArrayList<>();
    private final Queue<BusEvent> queue = new ArrayDeque<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final List<DeadLetter> deadLetters = Collections.synchronizedList(new ArrayList<>());
    private boolean dispatching;

    /** A delivery the consumer could not handle, kept with its reason. */
    public record DeadLetter(String handler, BusEvent event, String reason) {
    }

    private record Subscriber(Route route, EventConsumer consumer) {
    }

    @Override
    public synchronized Subscription subscribe(Route route, EventConsumer consumer) {
        Subscriber subscriber = new Subscriber(route, consumer);
        try {
            machine.addRule(route.handler(), route.patternJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid pattern for " + route.handler() + ": " + e.getMessage(), e);
        }
        subscribers.add(subscriber);
        return () -> {
            synchronized (InProcessEventBus.this) {
                subscribers.remove(subscriber);
            }
        };
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
        taps.forEach(tap -> tap.accept(event));
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(EventJson.write(event));
        } catch (Exception e) {
            LOG.error("cannot route {}: {}", event.name(), e.toString());
            return;
        }
        for (Subscriber subscriber : subscribers) {
            if (!matched.contains(subscriber.route().handler())) {
                continue;
            }
            HandlerOutcome outcome;
            try {
                outcome = subscriber.consumer().accept(event);
            } catch (RuntimeException e) {
                outcome = HandlerOutcome.failed(e.toString());
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
        subscribers.clear();
        queue.clear();
    }
}
