package com.quantumtrader.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One subscriber: a handler, the domain that owns it, and the EventBridge event pattern that selects its events.
 */
public record Route(String handler, Domain domain, JsonNode pattern) {

    public Route {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** The EventBridge pattern as JSON text, as a rule or event-ruler takes it. */
    public String patternJson() {
        return pattern.toString();
    }
}
