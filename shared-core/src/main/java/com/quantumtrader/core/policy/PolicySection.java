package com.quantumtrader.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One domain's section of the policy document: the top-level keys it owns, their schema fragment (fields, bounds,
 * descriptions, defaults: {@link PolicyFragment}), the typed view its code reads, and the rules across fields that a
 * schema cannot state. shared-core stores, versions, validates and audits the whole document; the full schema is
 * the composition of every installed section's fragment and the shipped defaults the composition of their
 * defaults ({@link PolicySections}).
 *
 * <p>To add a section: write {@code src/main/resources/policy/<name>.schema.json} (see {@link PolicyFragment}),
 * implement this interface with a public no-argument constructor (the view is usually a record bound with
 * {@link #bind}), and list the class in {@code META-INF/services/com.quantumtrader.core.policy.PolicySection} of
 * the module. Domain code reads the view with {@code policy.section(MySection.SECTION)}, a cached lookup.
 *
 * @param <T> the typed view
 */
public interface PolicySection<T> {

    /** The section's schema fragment; load it once (a constant), it is read on every validation. */
    PolicyFragment fragment();

    /** Short name for messages and generated docs, e.g. {@code risk}. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.endsWith("PolicySection") ? simple.substring(0, simple.length() - "PolicySection".length())
                .toLowerCase() : simple;
    }

    /**
     * The typed view of this section in a document whose owned keys are all present (a missing key has been filled
     * with its shipped default). The document may contain other sections' keys: ignore them; it may be read without
     * validation (a stored document), so a field-path error is a {@link PolicyValidationException}.
     */
    T parse(JsonNode document);

    /** The JSON of the view: an object with (at least) the owned keys. Keys it does not own are dropped. */
    default JsonNode write(T view) {
        return EventJson.tree(view);
    }

    /**
     * Rules across fields of a whole document (after the schema): add one problem per violation, prefixed with the
     * field path, e.g. {@code "correlation.min_bars: 30 must not exceed correlation.window_bars (20)"}.
     *
     * @param knownSymbols the contracts a universe may name in this deployment
     */
    default void check(JsonNode document, Set<String> knownSymbols, List<String> problems) {
    }

    /** Binds the value of one top-level key to a record, naming the field path (from the key) of a mismatch. */
    static <V> V bind(JsonNode document, String key, Class<V> type) {
        try {
            return bind(document.get(key), type);
        } catch (PolicyValidationException e) {
            String problem = e.problems().get(0);
            throw new PolicyValidationException(List.of(problem.startsWith("(document)") ? key + problem.substring(10)
                    : key + "." + problem));
        }
    }

    /** Binds a document (or part of one) to a record, naming the field path of the first mismatch. */
    static <V> V bind(JsonNode json, Class<V> type) {
        try {
            return EventJson.mapper().treeToValue(json, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new PolicyValidationException(List.of((path.isEmpty() ? "(document)" : path) + ": "
                    + e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PolicyValidationException(List.of("(document): " + e.getMessage()));
        }
    }
}
