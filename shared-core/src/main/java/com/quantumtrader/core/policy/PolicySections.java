package com.quantumtrader.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.quantumtrader.events.EventJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sections that make up the policy document in this process: shared-core's {@link CorePolicySection} plus every
 * {@link PolicySection} its classpath registers (ServiceLoader). From them it composes the full schema (the
 * fragments' properties in document order, their {@code $defs}, {@code additionalProperties: false}), the shipped
 * defaults (each key's {@code default}), validates whole documents and turns JSON into a {@link Policy}.
 *
 * <p>A process sees the sections of the modules it carries: the local runtime and the admin route all of them, a
 * domain's Lambda its own and the core one. A stored document may hold keys of sections this process lacks; they
 * are carried through untouched.
 */
public final class PolicySections {

    private static final String ENVELOPE_DESCRIPTION = "The one trading policy (the seed's PolicyConfig), stored "
            + "versioned in Redis by the PolicyStore; the composition of each domain's section. Every number has an "
            + "upper bound. Sections and fields not listed under required were added later: when omitted they take "
            + "their default.";

    private static final PolicySections INSTALLED = load();

    private final List<PolicySection<?>> sections;
    /** Owned key to its section, in document order. */
    private final Map<String, PolicySection<?>> owners;
    private final List<String> keyOrder;
    private final ObjectNode schemaJson;
    private final JsonSchema schema;
    private final ObjectNode defaultsDocument;

    private PolicySections(List<PolicySection<?>> given) {
        List<PolicySection<?>> all = new ArrayList<>();
        all.add(CorePolicySection.SECTION);
        given.stream().filter(s -> !(s instanceof CorePolicySection)).forEach(all::add);
        record Owned(String key, int position, PolicySection<?> section) {
        }
        List<Owned> keys = new ArrayList<>();
        for (PolicySection<?> section : all) {
            for (String key : section.fragment().keys()) {
                keys.add(new Owned(key, section.fragment().position(key), section));
            }
        }
        keys.sort(Comparator.comparingInt(Owned::position).thenComparing(Owned::key));
        Map<String, PolicySection<?>> byKey = new LinkedHashMap<>();
        for (Owned owned : keys) {
            PolicySection<?> previous = byKey.put(owned.key(), owned.section());
            if (previous != null) {
                throw new IllegalStateException("policy key " + owned.key() + " is owned by two sections: "
                        + previous.name() + " and " + owned.section().name());
            }
        }
        this.owners = Map.copyOf(byKey);
        this.keyOrder = List.copyOf(byKey.keySet());
        this.sections = List.copyOf(all);
        this.schemaJson = compose(byKey, all);
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson.deepCopy());
        ObjectNode defaults = EventJson.mapper().createObjectNode();
        byKey.forEach((key, section) -> defaults.set(key, section.fragment().shippedDefault(key)));
        this.defaultsDocument = normalize(defaults);
    }

    /** The sections of this process's classpath (found once). */
    public static PolicySections installed() {
        return INSTALLED;
    }

    /** Exactly these sections (and the core one): for tests and tools that compose a document explicitly. */
    public static PolicySections of(List<? extends PolicySection<?>> sections) {
        return new PolicySections(List.copyOf(sections));
    }

    private static PolicySections load() {
        List<PolicySection<?>> found = new ArrayList<>();
        for (PolicySection<?> section : ServiceLoader.load(PolicySection.class)) {
            found.add(section);
        }
        found.sort(Comparator.comparing(PolicySection::name));
        return new PolicySections(found);
    }

    public List<PolicySection<?>> sections() {
        return sections;
    }

    /** Every owned top-level key in document order. */
    public List<String> keys() {
        return keyOrder;
    }

    /** The composed JSON Schema of the whole document (a copy): what the admin route validates and serves. */
    public ObjectNode schemaJson() {
        return schemaJson.deepCopy();
    }

    /** The shipped defaults: every section's defaults composed and completed (a copy). */
    public ObjectNode defaultsDocument() {
        return defaultsDocument.deepCopy();
    }

    public Policy defaults() {
        return new Policy(this, defaultsDocument);
    }

    /** A policy of this JSON without validating it (a stored document); omitted keys take their shipped default. */
    public Policy policyOf(JsonNode json) {
        return new Policy(this, normalize(json));
    }

    /** Every problem of a policy in JSON form, sorted by field path; empty when it is valid. */
    public List<String> problems(JsonNode document, Set<String> knownSymbols) {
        Objects.requireNonNull(knownSymbols, "knownSymbols");
        if (document == null || !document.isObject()) {
            return List.of("(document): a policy must be a JSON object");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            problems.add(describe(message));
        }
        for (PolicySection<?> section : sections) {
            section.check(document, knownSymbols, problems);
        }
        return problems.stream().distinct().sorted().toList();
    }

    /**
     * The canonical form: owned keys in document order, each as its section writes its typed view (so omitted
     * optional fields appear with their values), then keys of sections this process lacks, unchanged.
     */
    ObjectNode normalize(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new PolicyValidationException(List.of("(document): a policy must be a JSON object"));
        }
        ObjectNode filled = ((ObjectNode) json).deepCopy();
        for (Map.Entry<String, PolicySection<?>> owned : owners.entrySet()) {
            if (!filled.hasNonNull(owned.getKey())) {
                filled.set(owned.getKey(), owned.getValue().fragment().shippedDefault(owned.getKey()));
            }
        }
        Map<PolicySection<?>, JsonNode> written = new LinkedHashMap<>();
        for (PolicySection<?> section : sections) {
            written.put(section, writeView(section, filled));
        }
        ObjectNode out = EventJson.mapper().createObjectNode();
        for (String key : keyOrder) {
            JsonNode value = written.get(owners.get(key)).get(key);
            if (value == null) {
                throw new IllegalStateException("section " + owners.get(key).name() + " did not write its key " + key);
            }
            out.set(key, value);
        }
        json.fields().forEachRemaining(other -> {
            if (!owners.containsKey(other.getKey())) {
                out.set(other.getKey(), other.getValue().deepCopy());
            }
        });
        return out;
    }

    /** The document with the section's missing keys filled, for parsing a section this set does not hold. */
    static JsonNode completed(PolicySection<?> section, JsonNode document) {
        ObjectNode filled = null;
        for (String key : section.fragment().keys()) {
            if (!document.hasNonNull(key)) {
                filled = filled != null ? filled : ((ObjectNode) document).deepCopy();
                filled.set(key, section.fragment().shippedDefault(key));
            }
        }
        return filled != null ? filled : document;
    }

    private static <T> JsonNode writeView(PolicySection<T> section, JsonNode document) {
        return section.write(section.parse(document));
    }

    private static ObjectNode compose(Map<String, PolicySection<?>> byKey, List<PolicySection<?>> sections) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://quantumtrader.com/schemas/policy.schema.json");
        root.put("title", "Policy");
        root.put("description", ENVELOPE_DESCRIPTION + " " + sections.stream()
                .map(s -> s.name() + ": " + s.fragment().schema().path("description").asText())
                .collect(Collectors.joining(" ")));
        root.put("type", "object");
        root.put("additionalProperties", false);
        ArrayNode required = root.putArray("required");
        ObjectNode properties = root.putObject("properties");
        ObjectNode defs = root.putObject("$defs");
        byKey.forEach((key, section) -> {
            if (section.fragment().required().contains(key)) {
                required.add(key);
            }
            ObjectNode property = (ObjectNode) section.fragment().property(key).deepCopy();
            property.remove("x-position");
            properties.set(key, property);
        });
        for (PolicySection<?> section : sections) {
            section.fragment().schema().path("$defs").fields().forEachRemaining(def -> {
                if (defs.has(def.getKey())) {
                    throw new IllegalStateException("policy $defs." + def.getKey() + " is defined by two sections");
                }
                defs.set(def.getKey(), def.getValue());
            });
        }
        return root;
    }

    private static String describe(ValidationMessage message) {
        String path = fieldPath(message.getInstanceLocation().toString());
        String property = message.getProperty();
        if (property != null && "required".equals(message.getType())) {
            return join(path, property) + ": is missing";
        }
        if (property != null && "additionalProperties".equals(message.getType())) {
            return join(path, property) + ": is not a policy field (misspelled?)";
        }
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        return join(path, null) + ": " + (colon >= 0 ? text.substring(colon + 2) : text);
    }

    private static String join(String path, String member) {
        if (member == null) {
            return path.isEmpty() ? "(document)" : path;
        }
        return path.isEmpty() ? member : path + '.' + member;
    }

    /** {@code $.limits.SAFE.min_confidence} to {@code limits.SAFE.min_confidence}; {@code $.universe[0]} kept. */
    private static String fieldPath(String instanceLocation) {
        String path = instanceLocation.startsWith("$") ? instanceLocation.substring(1) : instanceLocation;
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
