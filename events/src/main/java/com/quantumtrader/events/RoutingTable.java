package com.quantumtrader.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The routing table ({@code routing-table.json}): the single source of truth for local and AWS routing. */
public final class RoutingTable {

    private static final String RESOURCE = "/routing-table.json";
    private static final RoutingTable DEFAULT = load();

    private final List<Route> routes;

    private RoutingTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RoutingTable standard() {
        return DEFAULT;
    }

    public List<Route> routes() {
        return routes;
    }

    /** The routes the domain's own module runs; a route of the domain that another module runs is not among them. */
    public List<Route> routesOf(Domain domain) {
        return routes.stream().filter(r -> r.domain() == domain && r.runsInDomainModule()).toList();
    }

    /** The routes a functions module runs although it is not their domain's own (the API's read model). */
    public List<Route> routesRunBy(String module) {
        return routes.stream().filter(r -> r.module().equals(module) && !r.runsInDomainModule()).toList();
    }

    public Optional<Route> route(String handler) {
        return routes.stream().filter(r -> r.handler().equals(handler)).findFirst();
    }

    public Route require(String handler) {
        return route(handler).orElseThrow(
                () -> new IllegalArgumentException("handler '" + handler + "' is not in the routing table"));
    }

    static RoutingTable parse(JsonNode root) {
        List<Route> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : root.path("routes")) {
            String handler = node.path("handler").asText("");
            if (handler.isEmpty() || !names.add(handler)) {
                throw new IllegalStateException("routing table: missing or duplicate handler name '" + handler + "'");
            }
            JsonNode pattern = node.get("pattern");
            if (pattern == null || !pattern.isObject()) {
                throw new IllegalStateException("routing table: handler '" + handler + "' has no pattern object");
            }
            Domain domain = Domain.fromId(node.path("domain").asText());
            JsonNode module = node.get("module");
            if (module != null && (!module.isTextual() || module.asText().isBlank())) {
                throw new IllegalStateException("routing table: handler '" + handler + "' has a module that is not a name");
            }
            routes.add(module == null ? new Route(handler, domain, pattern)
                    : new Route(handler, domain, pattern, module.asText()));
        }
        return new RoutingTable(routes);
    }

    private static RoutingTable load() {
        try (InputStream in = RoutingTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(EventJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
