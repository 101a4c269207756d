package com.quantumtrader.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An event as it travels on every bus: the shape of an EventBridge entry
 * ({@code source} = {@code quantum.<domain>}, {@code detail-type} = event name, {@code detail} = envelope).
 */
public record BusEvent(
        @JsonProperty("source") String source,
        @JsonProperty("detail-type") String name,
        @JsonProperty("detail") EventEnvelope envelope) {

    public BusEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "detail-type");
        Objects.requireNonNull(envelope, "detail");
    }

    public static BusEvent of(String name, EventEnvelope envelope) {
        return new BusEvent("quantum." + envelope.producer(), name, envelope);
    }

    @JsonIgnore
    public String traceId() {
        return envelope.traceId();
    }

    @JsonIgnore
    public String eventId() {
        return envelope.eventId();
    }
}
