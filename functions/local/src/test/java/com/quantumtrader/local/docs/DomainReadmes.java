package com.quantumtrader.local.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.PolicySection;
import com.quantumtrader.core.policy.PolicySections;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The generated blocks of each domain module's README: {@code events} (handlers and the events they take, from
 * the routing table; the events the domain publishes and who subscribes, from the catalog and the routing table)
 * and {@code policy} (the fields of the domain's policy section, from its schema fragment: name, type, bounds,
 * shipped default, description). A README holds each between {@code <!-- BEGIN GENERATED: name -->} and
 * {@code <!-- END GENERATED: name -->}; {@link #update} replaces what is between the markers and nothing else.
 */
public final class DomainReadmes {

    /** Run from the repository root; rewrites the generated blocks of every domain README that has the markers. */
    public static final String REGENERATE_COMMAND = "./mvnw -o -q -B -pl functions/local -am test"
            + " -Dtest=DomainReadmesTest -Dsurefire.failIfNoSpecifiedTests=false -Dqt.readmes.regenerate=true";

    /** The package of each domain's code: a policy section belongs to the domain whose package holds its class. */
    private static final Map<Domain, String> PACKAGES = Map.of(
            Domain.AI_ENGINE, "com.quantumtrader.ai.",
            Domain.EXECUTION, "com.quantumtrader.execution.",
            Domain.RISK_SAFETY, "com.quantumtrader.risk.",
            Domain.PORTFOLIO, "com.quantumtrader.portfolio.",
            Domain.LEARNING, "com.quantumtrader.learning.",
            Domain.CORE_OS, "com.quantumtrader.os.");

    private final RoutingTable routes;
    private final PolicySections sections;

    public DomainReadmes(RoutingTable routes, PolicySections sections) {
        this.routes = routes;
        this.sections = sections;
    }

    public static DomainReadmes standard() {
        return new DomainReadmes(RoutingTable.standard(), PolicySections.installed());
    }

    /** The README with its generated blocks replaced; empty when it has no markers for any block. */
    public Optional<String> update(Domain domain, String readme) {
        String updated = replace(replace(readme, "events", events(domain)), "policy", policy(domain));
        return readme.contains(begin("events")) || readme.contains(begin("policy")) ? Optional.of(updated)
                : Optional.empty();
    }

    /** The names of the blocks a README lacks (both markers are needed for each). */
    public static List<String> missingBlocks(String readme) {
        List<String> missing = new ArrayList<>();
        for (String block : List.of("events", "policy")) {
            if (!readme.contains(begin(block)) || !readme.contains(end(block))) {
                missing.add(block);
            }
        }
        return missing;
    }

    /** The events block of a domain: its handlers with the events they take, and the events it publishes. */
    public String events(Domain domain) {
        StringBuilder md = new StringBuilder();
        md.append(generatedBy("`events/src/main/resources/routing-table.json` and `EventCatalog`"));
        md.append("| handler | events in (from) | runs in |\n| --- | --- | --- |\n");
        // every route of the domain, also one another module runs for it (the API's trading read model)
        List<Route> handlers = routes.routes().stream().filter(route -> route.domain() == domain).toList();
        for (Route route : handlers) {
            md.append("| `").append(route.handler()).append("` | ").append(eventsIn(route)).append(" | `functions/")
                    .append(route.module()).append("` |\n");
        }
        if (handlers.isEmpty()) {
            md.append("| (none) | | |\n");
        }
        md.append("\n| event out | subscribers |\n| --- | --- |\n");
        List<EventType<?>> published = EventCatalog.all().stream().filter(t -> t.producer() == domain).toList();
        for (EventType<?> type : published) {
            md.append("| `").append(type.name()).append("` | ").append(subscribers(type)).append(" |\n");
        }
        if (published.isEmpty()) {
            md.append("| (none) | |\n");
        }
        return md.toString();
    }

    /** The policy block of a domain: every field of the sections its code owns. */
    public String policy(Domain domain) {
        StringBuilder md = new StringBuilder();
        List<PolicySection<?>> owned = sections.sections().stream()
                .filter(s -> s.getClass().getName().startsWith(PACKAGES.get(domain))).toList();
        md.append(generatedBy("the domain's policy schema fragment"));
        if (owned.isEmpty()) {
            md.append("This domain owns no policy section yet; it reads only the shared keys (`core` section, "
                    + "`shared-core/src/main/resources/policy/core.schema.json`).\n");
            return md.toString();
        }
        for (PolicySection<?> section : owned) {
            JsonNode fragment = section.fragment().schema();
            md.append("Section `").append(section.name()).append("` (`src/main/resources")
                    .append(section.fragment().resource()).append("`): top-level keys ")
                    .append(section.fragment().keys().stream().map(k -> "`" + k + "`")
                            .collect(Collectors.joining(", "))).append(".\n\n")
                    .append("| field | type | bounds | default | description |\n| --- | --- | --- | --- | --- |\n");
            for (String key : section.fragment().keys()) {
                JsonNode property = fragment.get("properties").get(key);
                rows(md, fragment, key, property, property.get("default"));
            }
            md.append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    private void rows(StringBuilder md, JsonNode fragment, String path, JsonNode schema, JsonNode shipped) {
        JsonNode node = resolve(fragment, schema);
        Optional<JsonNode> sameForEveryKey = sameReferenceForEveryProperty(node);
        if (sameForEveryKey.isPresent()) {
            // e.g. limits.SAFE/NORMAL/AGGRESSIVE: one set of rows, the shipped value of each key side by side
            List<String> keys = new ArrayList<>();
            node.get("properties").fieldNames().forEachRemaining(keys::add);
            JsonNode shared = resolve(fragment, sameForEveryKey.get());
            for (Iterator<Map.Entry<String, JsonNode>> it = shared.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Map<String, JsonNode> perKey = new LinkedHashMap<>();
                for (String key : keys) {
                    JsonNode value = shipped == null ? null : shipped.path(key).get(field.getKey());
                    if (value != null) {
                        perKey.put(key, value);
                    }
                }
                leaf(md, path + ".<" + String.join("/", keys) + ">." + field.getKey(), field.getValue(),
                        perKey.isEmpty() ? "" : perKey.entrySet().stream()
                                .map(e -> e.getKey() + " " + text(e.getValue())).collect(Collectors.joining(", ")));
            }
            return;
        }
        if (node.path("properties").isObject() && !node.get("properties").isEmpty()) {
            node.get("properties").fields().forEachRemaining(field -> rows(md, fragment,
                    path + "." + field.getKey(), field.getValue(),
                    shipped == null ? null : shipped.get(field.getKey())));
            return;
        }
        if (node.path("additionalProperties").isObject() && node.has("propertyNames")) {
            JsonNode value = resolve(fragment, node.get("additionalProperties"));
            if (value.path("properties").isObject()) {
                value.get("properties").fields().forEachRemaining(field -> leaf(md,
                        path + ".<key>." + field.getKey(), field.getValue(), ""));
                return;
            }
        }
        leaf(md, path, schema, shipped == null ? "" : text(shipped));
    }

    private static void leaf(StringBuilder md, String path, JsonNode node, String shipped) {
        String omitted = node.has("default") ? text(node.get("default")) : "";
        String defaults = shipped.isEmpty() ? omitted
                : omitted.isEmpty() || omitted.equals(shipped) ? shipped : shipped + " (omitted: " + omitted + ")";
        md.append("| `").append(path).append("` | ").append(type(node)).append(" | ").append(bounds(node))
                .append(" | ").append(cell(defaults)).append(" | ").append(cell(node.path("description").asText()))
                .append(" |\n");
    }

    private static Optional<JsonNode> sameReferenceForEveryProperty(JsonNode node) {
        JsonNode properties = node.path("properties");
        if (!properties.isObject() || properties.size() < 2) {
            return Optional.empty();
        }
        List<String> refs = new ArrayList<>();
        properties.forEach(p -> refs.add(p.path("$ref").asText("")));
        return refs.stream().distinct().count() == 1 && !refs.get(0).isEmpty()
                ? Optional.of(properties.elements().next()) : Optional.empty();
    }

    private static JsonNode resolve(JsonNode fragment, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/") ? fragment.at(ref.substring(1)) : schema;
    }

    private static String type(JsonNode node) {
        if (node.has("enum")) {
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            return "one of " + String.join(", ", values);
        }
        String type = node.path("type").asText("");
        if ("array".equals(type)) {
            return "array of " + node.path("items").path("type").asText("values");
        }
        if ("object".equals(type) && node.path("additionalProperties").has("type")) {
            return "map of " + node.get("additionalProperties").get("type").asText();
        }
        return type.isEmpty() ? "any" : type;
    }

    private static String bounds(JsonNode node) {
        List<String> bounds = new ArrayList<>();
        if (node.has("minimum")) {
            bounds.add(">= " + text(node.get("minimum")));
        }
        if (node.has("exclusiveMinimum")) {
            bounds.add("> " + text(node.get("exclusiveMinimum")));
        }
        if (node.has("maximum")) {
            bounds.add("<= " + text(node.get("maximum")));
        }
        if (node.has("exclusiveMaximum")) {
            bounds.add("< " + text(node.get("exclusiveMaximum")));
        }
        if (node.has("pattern")) {
            bounds.add("matches `" + node.get("pattern").asText() + "`");
        }
        if (node.path("items").has("pattern")) {
            bounds.add("items match `" + node.get("items").get("pattern").asText() + "`");
        }
        if (node.path("uniqueItems").asBoolean(false)) {
            bounds.add("unique");
        }
        return bounds.isEmpty() ? "" : String.join(", ", bounds);
    }

    private String eventsIn(Route route) {
        List<String> types = new ArrayList<>();
        route.pattern().path("detail-type").forEach(t -> types.add("`" + t.asText() + "`"));
        List<String> sources = new ArrayList<>();
        route.pattern().path("source").forEach(s -> sources.add(s.asText().replace("quantum.", "")));
        String in = types.isEmpty() ? "(any)" : String.join(", ", types);
        return sources.isEmpty() ? in : in + " (" + String.join(", ", sources) + ")";
    }

    private String subscribers(EventType<?> type) {
        List<String> names = routes.routes().stream()
                .filter(route -> contains(route.pattern().path("detail-type"), type.name())
                        && (!route.pattern().has("source")
                                || contains(route.pattern().get("source"), type.producer().source())))
                .map(route -> "`" + route.handler() + "` (" + route.domain().id() + ")")
                .toList();
        return names.isEmpty() ? "none (a notification)" : String.join(", ", names);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String generatedBy(String source) {
        return "<!-- generated from " + source + " by com.quantumtrader.local.docs.DomainReadmes; do not edit. "
                + "Regenerate from the repository root: " + REGENERATE_COMMAND + " -->\n";
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String begin(String block) {
        return "<!-- BEGIN GENERATED: " + block + " -->";
    }

    static String end(String block) {
        return "<!-- END GENERATED: " + block + " -->";
    }

    private static String replace(String readme, String block, String content) {
        int start = readme.indexOf(begin(block));
        int stop = readme.indexOf(end(block));
        if (start < 0 || stop < start) {
            return readme;
        }
        return readme.substring(0, start + begin(block).length()) + "\n" + content + readme.substring(stop);
    }
}
