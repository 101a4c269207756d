package com.quantumtrader.core.handler;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.MalformedEventException;
import java.time.Instant;

/** An event as a handler sees it: its name and envelope, with typed access to the payload. */
public record InboundEvent(BusEvent event) {

    public String name() {
        return event.name();
    }

    public String eventId() {
        return event.envelope().eventId();
    }

    public String traceId() {
        return event.envelope().traceId();
    }

    public Instant occurredAt() {
        return event.envelope().occurredAt();
    }

    public boolean is(EventType<?> type) {
        return type.name().equals(event.name());
    }

    /** The payload decoded as the given type; a mismatch is a contract violation, not a handler bug. */
    public <T extends Record> T payload(EventType<T> type) {
        if (!is(type)) {
            throw new MalformedEventException("expected " + type.name() + " but got " + event.name());
        }
        return EventJson.convert(event.envelope().payload(), type.payloadType());
    }
}
