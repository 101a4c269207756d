package com.quantumtrader.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One subscriber: a handler, the domain that owns it, the EventBridge event pattern that selects its events, and the
 * functions module that runs it: the domain's own ({@link #moduleOf(Domain)}) unless the routing table names another
 * (the API's trading read model is core OS's, but runs in {@code functions/api}).
 */
public record Route(String handler, Domain domain, JsonNode pattern, String module) {

    public Route {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(module, "module");
    }

    /** A route run by its domain's own module. */
    public Route(String handler, Domain domain, JsonNode pattern) {
        this(handler, domain, pattern, moduleOf(domain));
    }

    /** The functions module directory of a domain: {@code risk_safety} lives in {@code functions/risk-safety}. */
    public static String moduleOf(Domain domain) {
        return domain.id().replace('_', '-');
    }

    /** Whether the domain's own module runs this handler (false for a handler another module runs for it). */
    public boolean runsInDomainModule() {
        return module.equals(moduleOf(domain));
    }

    /** The EventBridge pattern as JSON text, as a rule or event-ruler takes it. */
    public String patternJson() {
        return pattern.toString();
    }
}
