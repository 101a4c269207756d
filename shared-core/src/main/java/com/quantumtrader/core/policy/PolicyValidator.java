package com.quantumtrader.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a policy before it is used or stored: the envelope (strict JSON: no duplicate key, nothing after the
 * document; no top-level key that no section owns), the composed JSON Schema of the installed sections (structure,
 * types, per-field bounds, each documented with its unit in its section's fragment) and each section's rules across
 * fields ({@link PolicySections}). Every problem is reported at once, each prefixed with the path of the field it
 * concerns.
 */
public final class PolicyValidator {

    private static final ObjectReader STRICT_READER = EventJson.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PolicyValidator() {
    }

    /** Reads a policy file (e.g. the local runtime's {@code --policy FILE}) and validates it. */
    public static Policy parseAndValidate(String json) {
        return parseAndValidate(json, KnownSymbols.shipped());
    }

    /** As {@link #parseAndValidate(String)}, the universe checked against the caller's instrument list. */
    public static Policy parseAndValidate(String json, Set<String> knownSymbols) {
        return validate(readStrictly(json, "(document)"), knownSymbols);
    }

    /**
     * Parses policy JSON (a file, a snapshot, an admin patch) strictly: a key given twice in one object or anything
     * after the document is an error, not "the last one wins" or "ignored". Both hide a typo or a botched edit.
     *
     * @param what names the text in the error, e.g. {@code (document)} or {@code (patch)}
     * @throws PolicyValidationException naming the line, column and what is wrong
     */
    public static JsonNode readStrictly(String json, String what) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode tree = STRICT_READER.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new PolicyValidationException(List.of(what + ": empty, expected a JSON object"));
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new PolicyValidationException(List.of(what + ": not valid JSON" + where + ": "
                    + e.getOriginalMessage()));
        }
    }

    /** Validates a policy in JSON form and returns it as a {@link Policy}. */
    public static Policy validate(JsonNode policyJson) {
        return validate(policyJson, KnownSymbols.shipped());
    }

    /** As {@link #validate(JsonNode)}, the universe checked against the caller's instrument list. */
    public static Policy validate(JsonNode policyJson, Set<String> knownSymbols) {
        List<String> problems = problems(policyJson, knownSymbols);
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        return PolicySections.installed().policyOf(policyJson);
    }

    /** Validates a policy object (e.g. one built in code for an update) and returns it unchanged. */
    public static Policy validate(Policy policy) {
        return validate(policy, KnownSymbols.shipped());
    }

    /** As {@link #validate(Policy)}, the universe checked against the caller's instrument list. */
    public static Policy validate(Policy policy, Set<String> knownSymbols) {
        Objects.requireNonNull(policy, "policy");
        List<String> problems = problems(EventJson.tree(policy), knownSymbols);
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        return policy;
    }

    /** Every problem of a policy in JSON form, sorted by field path; empty when it is valid. */
    public static List<String> problems(JsonNode policyJson) {
        return problems(policyJson, KnownSymbols.shipped());
    }

    /**
     * As {@link #problems(JsonNode)}, with the contracts the universe may name given by the caller (e.g. from the
     * exchange's instrument list).
     */
    public static List<String> problems(JsonNode policyJson, Set<String> knownSymbols) {
        return PolicySections.installed().problems(policyJson, knownSymbols);
    }
}
