package com.quantumtrader.core.handler;

import com.quantumtrader.events.Domain;
import java.util.Objects;

/** A domain handler under the name the routing table knows it by. */
public record HandlerDefinition(String name, Domain domain, EventHandler handler) {

    public HandlerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(handler, "handler");
    }
}
