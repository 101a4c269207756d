package com.quantumtrader.execution;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.outbox.Outbox;
import com.quantumtrader.events.BusEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How execution's outbox reaches the bus after every call. Publishing (every runtime): the outbox's relay gives each
 * event its id, publishes it and removes it, so a crash anywhere leaves it for the next start, and the call returns
 * nothing. Handing back (tests and tools that publish what a call returns): the events are returned and removed.
 */
final class EventDelivery {

    private final EventFactory events;
    private final Consumer<BusEvent> publisher;

    private EventDelivery(EventFactory events, Consumer<BusEvent> publisher) {
        this.events = events;
        this.publisher = publisher;
    }

    static EventDelivery handingBack() {
        return new EventDelivery(null, null);
    }

    static EventDelivery publishing(EventFactory events, Consumer<BusEvent> publisher) {
        return new EventDelivery(Objects.requireNonNull(events, "events"), Objects.requireNonNull(publisher, "publisher"));
    }

    /** @param defaultTrace the trace of events that name none (asked at most once) */
    List<Emit> deliver(Outbox outbox, Supplier<String> defaultTrace) {
        if (publisher == null) {
            return outbox.takeAll();
        }
        outbox.publish(events, publisher, defaultTrace);
        return List.of();
    }

    /** A new trace, started only when an event needs it. */
    Supplier<String> newTrace() {
        return events == null ? () -> Emit.NEW_TRACE : events::newTraceId;
    }
}
