package com.quantumtrader.core.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.event.ruler.Machine;

/**
 * A Lambda's check that a delivery is one its routing-table entry selects, with AWS's own pattern engine: an
 * EventBridge target misconfigured (or invoked by hand) must not make a function handle another route's events.
 */
public final class RouteGuard {

    private static final Logger LOG = LoggerFactory.getLogger(RouteGuard.class);

    private final Route route;
    private final Machine matcher = new Machine();

    public RouteGuard(Route route) {
        this.route = route;
        try {
            matcher.addRule(route.handler(), route.patternJson());
        } catch (IOException e) {
            throw new UncheckedIOException("routing table pattern of " + route.handler() + " is not valid", e);
        }
    }

    /**
     * Matches the delivery as the adapter parsed it (once: the same tree is then dispatched).
     *
     * @throws MalformedEventException naming the event's type and source when the route does not select it
     */
    public void requireRoutedHere(JsonNode event) {
        boolean matches;
        try {
            matches = event.isObject() && matcher.rulesForJSONEvent(event).contains(route.handler());
        } catch (Exception e) {
            matches = false;
        }
        if (!matches) {
            String reason = route.handler() + " rejected the event: detail-type " + event.path("detail-type")
                    + " from source " + event.path("source") + " does not match its route " + route.patternJson();
            LOG.error(reason);
            throw new MalformedEventException(reason);
        }
    }

    /** SnapStart priming: runs the matcher once so its classes are loaded before the checkpoint. */
    public void prime(JsonNode sampleEvent) {
        try {
            matcher.rulesForJSONEvent(sampleEvent);
        } catch (Exception e) {
            throw new IllegalStateException("priming the route matcher of " + route.handler() + " failed", e);
        }
    }
}
