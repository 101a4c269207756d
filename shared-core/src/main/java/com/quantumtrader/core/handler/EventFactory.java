package com.quantumtrader.core.handler;

import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventType;
import java.time.Clock;

/** Wraps payloads in envelopes: ids and times from the injected clock, producer and version from the catalog. */
public final class EventFactory {

    private final Clock clock;
    private final EventIds ids;

    public EventFactory(Clock clock, EventIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public String newTraceId() {
        return ids.next();
    }

    public <T extends Record> BusEvent create(EventType<T> type, T payload, String traceId) {
        return envelope(type, payload, traceId);
    }

    /** Turns a handler's emit into an event, continuing {@code incomingTraceId} unless the emit says otherwise. */
    public BusEvent create(Emit emit, String incomingTraceId) {
        String traceId = emit.traceId() == null ? incomingTraceId
                : Emit.NEW_TRACE.equals(emit.traceId()) ? newTraceId() : emit.traceId();
        return envelope(emit.type(), emit.payload(), traceId);
    }

    private BusEvent envelope(EventType<?> type, Record payload, String traceId) {
        EventEnvelope envelope = new EventEnvelope(ids.next(), traceId, clock.instant(), type.producer().id(),
                type.schemaVersion(), EventJson.tree(payload));
        return BusEvent.of(type.name(), envelope);
    }
}
