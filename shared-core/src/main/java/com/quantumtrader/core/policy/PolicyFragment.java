package com.quantumtrader.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A section's JSON Schema fragment, read from its module's classpath: the one place where the section's fields,
 * bounds, descriptions and defaults are written. Its form is
 * <pre>{@code
 * {"description": "...", "required": ["key", ...],
 *  "properties": {"key": {...schema..., "default": <shipped value>, "x-position": 70}, ...},
 *  "$defs": {...}}
 * }</pre>
 * Each top-level property carries its shipped value as {@code default} (the defaults document is their composition)
 * and its place in the stored document as {@code x-position}; a nested field that may be omitted carries the value
 * it then takes as {@code default}. {@code $ref}s point at {@code #/$defs/...} of the composed schema, so a fragment
 * names its {@code $defs} uniquely.
 */
public final class PolicyFragment {

    private final String resource;
    private final ObjectNode schema;

    private PolicyFragment(String resource, ObjectNode schema) {
        this.resource = resource;
        this.schema = schema;
        if (!schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
            throw new IllegalStateException(resource + ": a policy fragment needs at least one property");
        }
        schema.get("properties").fields().forEachRemaining(key -> {
            if (!key.getValue().has("default") || !key.getValue().path("x-position").canConvertToInt()) {
                throw new IllegalStateException(resource + ": top-level key " + key.getKey()
                        + " needs a \"default\" (its shipped value) and an integer \"x-position\"");
            }
        });
    }

    /** Loads the fragment {@code resource} from {@code owner}'s class loader (e.g. {@code "/policy/risk.schema.json"}). */
    public static PolicyFragment load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath of " + owner.getName());
            }
            JsonNode tree = EventJson.mapper().readTree(in);
            if (!tree.isObject()) {
                throw new IllegalStateException(resource + ": a policy fragment must be a JSON object");
            }
            return new PolicyFragment(resource, (ObjectNode) tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy fragment " + resource, e);
        }
    }

    public String resource() {
        return resource;
    }

    /** The fragment as written (a copy). */
    public ObjectNode schema() {
        return schema.deepCopy();
    }

    /** The top-level keys this fragment owns, in the order it lists them. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(keys::add);
        return List.copyOf(keys);
    }

    /** Where {@code key} goes in the stored document: lower first. */
    public int position(String key) {
        return property(key).get("x-position").intValue();
    }

    /** The shipped value of a top-level key (a copy). */
    public JsonNode shippedDefault(String key) {
        return property(key).get("default").deepCopy();
    }

    /** The shipped value of a top-level key as a typed value, e.g. a section record's {@code DEFAULTS}. */
    public <V> V shippedDefault(String key, Class<V> type) {
        try {
            return EventJson.mapper().treeToValue(shippedDefault(key), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(resource + ": the default of " + key + " is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The {@code default} of the schema node at {@code pointer} (a JSON pointer into the fragment, e.g.
     * {@code /$defs/riskLimits/properties/size_multiplier}): the value an omitted optional field takes.
     */
    public JsonNode fieldDefault(String pointer) {
        JsonNode value = schema.at(pointer).get("default");
        if (value == null) {
            throw new IllegalStateException(resource + ": no default at " + pointer);
        }
        return value;
    }

    public BigDecimal decimalDefault(String pointer) {
        return requireNumber(pointer).decimalValue();
    }

    public int intDefault(String pointer) {
        JsonNode value = requireNumber(pointer);
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw new IllegalStateException(resource + ": the default at " + pointer + " is not an integer");
        }
        return value.intValue();
    }

    private JsonNode requireNumber(String pointer) {
        JsonNode value = fieldDefault(pointer);
        if (!value.isNumber()) {
            throw new IllegalStateException(resource + ": the default at " + pointer + " is not a number");
        }
        return value;
    }

    JsonNode property(String key) {
        JsonNode property = schema.get("properties").get(key);
        Objects.requireNonNull(property, () -> resource + " does not own the key " + key);
        return property;
    }

    List<String> required() {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(key -> required.add(key.asText()));
        return required;
    }
}
