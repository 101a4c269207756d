package com.quantumtrader.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The envelope every event travels in; in AWS it is the EventBridge {@code detail}.
 *
 * @param eventId       unique and time-ordered (a ULID), the idempotency key of every handler
 * @param traceId       follows one business transaction (a signal) through every domain
 * @param occurredAt    from the producer's injected clock
 * @param producer      the producing domain's id
 * @param schemaVersion version of the payload's schema
 * @param payload       the event's payload, shaped by its JSON Schema
 */
public record EventEnvelope(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("trace_id") String traceId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("producer") String producer,
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("payload") JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(traceId, "trace_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
    }
}
