package com.quantumtrader.core.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventType;

/**
 * One event waiting in the outbox: what the domain emitted and, once the relay has given it its id, the whole
 * event as it is (or was) published, so a re-publish after a crash carries the same event id.
 *
 * @param traceId the emit's trace: null continues the trace the relay is given, {@link Emit#NEW_TRACE} starts one
 * @param event   null until the relay minted it
 */
record OutboxEntry(String name, String traceId, JsonNode payload, EventEnvelope event) {

    static OutboxEntry of(Emit emit) {
        return new OutboxEntry(emit.type().name(), emit.traceId(), EventJson.tree(emit.payload()), null);
    }

    OutboxEntry minted(EventEnvelope envelope) {
        return new OutboxEntry(name, traceId, payload, envelope);
    }

    Emit emit() {
        EventType<?> type = EventCatalog.require(name);
        Record decoded = EventJson.convert(payload, type.payloadType());
        return new Emit(type, decoded, traceId);
    }
}
