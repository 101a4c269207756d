package com.quantumtrader.core.handler;

import com.quantumtrader.events.EventType;
import java.util.Objects;

/**
 * An event a handler asks the runtime to publish. By default it continues the incoming event's trace;
 * {@link #inTrace(String)} puts it in another one (e.g. a stop fill that belongs to the signal that opened the
 * position), {@link #newTrace()} starts one (a new signal is a new business transaction).
 *
 * @param traceId null: continue the incoming trace; {@link #NEW_TRACE}: start one; otherwise that trace
 */
public record Emit(EventType<?> type, Record payload, String traceId) {

    public static final String NEW_TRACE = "<new>";

    public Emit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.name() + " takes " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
    }

    public static <T extends Record> Emit of(EventType<T> type, T payload) {
        return new Emit(type, payload, null);
    }

    public Emit inTrace(String traceId) {
        return new Emit(type, payload, Objects.requireNonNull(traceId, "traceId"));
    }

    public Emit newTrace() {
        return new Emit(type, payload, NEW_TRACE);
    }
}
