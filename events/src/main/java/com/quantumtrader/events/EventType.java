package com.quantumtrader.events;

import java.util.Objects;

/**
 * One entry of the catalog: an event name, the domain that publishes it, its payload record and schema version.
 */
public record EventType<T extends Record>(
        String name,
        Domain producer,
        Class<T> payloadType,
        int schemaVersion,
        String description) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!name.matches("[a-z_]+(\\.[a-z_]+)+")) {
            throw new IllegalArgumentException("event name must be dotted lower case: " + name);
        }
    }

    /** Classpath location of this event's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + name + ".schema.json";
    }
}
