package com.quantumtrader.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a policy before it is used or stored: the JSON Schema {@code policy.schema.json} (structure, types, and
 * per-field bounds, each documented with its unit there) plus the rules a schema cannot state across fields. Every
 * problem is reported at once, each prefixed with the path of the field it concerns.
 */
public final class PolicyValidator {

    private static final String SCHEMA_RESOURCE = "/policy.schema.json";
    private static final JsonSchema SCHEMA = loadSchema();
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
        try {
            return EventJson.mapper().treeToValue(policyJson, Policy.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PolicyValidationException(List.of("(document): " + e.getMessage()));
        }
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
        Objects.requireNonNull(knownSymbols, "knownSymbols");
        if (policyJson == null || !policyJson.isObject()) {
            return List.of("(document): a policy must be a JSON object");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(policyJson)) {
            problems.add(describe(message));
        }
        JsonNode alert = policyJson.get("drawdown_alert");
        JsonNode emergency = policyJson.get("emergency_drawdown");
        if (alert != null && emergency != null && alert.isNumber() && emergency.isNumber()
                && alert.decimalValue().compareTo(emergency.decimalValue()) >= 0) {
            problems.add("drawdown_alert: " + alert.decimalValue().toPlainString()
                    + " must be below emergency_drawdown (" + emergency.decimalValue().toPlainString() + ")");
        }
        symbolsOutsideTheUniverse(policyJson, problems);
        unknownSymbolsInTheUniverse(policyJson, knownSymbols, problems);
        JsonNode correlation = policyJson.get("correlation");
        if (correlation != null && correlation.path("min_bars").isInt() && correlation.path("window_bars").isInt()
                && correlation.get("min_bars").intValue() > correlation.get("window_bars").intValue()) {
            problems.add("correlation.min_bars: " + correlation.get("min_bars").intValue()
                    + " must not exceed correlation.window_bars (" + correlation.get("window_bars").intValue() + ")");
        }
        JsonNode execution = policyJson.get("execution");
        if (execution != null && execution.path("slippage_recover_bps").isNumber()
                && execution.path("slippage_high_bps").isNumber()
                && execution.get("slippage_recover_bps").decimalValue()
                        .compareTo(execution.get("slippage_high_bps").decimalValue()) > 0) {
            problems.add("execution.slippage_recover_bps: "
                    + execution.get("slippage_recover_bps").decimalValue().toPlainString()
                    + " must not exceed execution.slippage_high_bps ("
                    + execution.get("slippage_high_bps").decimalValue().toPlainString() + ")");
        }
        riskWithinExecutionCaps(policyJson, problems);
        return problems.stream().distinct().sorted().toList();
    }

    /**
     * Execution refuses on its own what exceeds its caps (defence in depth below risk), so risk must never approve
     * more: an omitted cap is its default, an omitted mode order cap is the mode's position cap.
     */
    private static void riskWithinExecutionCaps(JsonNode policyJson, List<String> problems) {
        JsonNode execution = policyJson.path("execution");
        JsonNode order = execution.path("max_order_notional");
        JsonNode position = execution.path("max_position_notional");
        BigDecimal orderCap = order.isNumber() ? order.decimalValue() : ExecutionPolicy.DEFAULT_MAX_ORDER_NOTIONAL;
        BigDecimal positionCap = position.isNumber() ? position.decimalValue()
                : ExecutionPolicy.DEFAULT_MAX_POSITION_NOTIONAL;
        if (orderCap.compareTo(positionCap) > 0) {
            problems.add("execution.max_order_notional: " + orderCap.toPlainString()
                    + " must not exceed execution.max_position_notional (" + positionCap.toPlainString() + ")");
        }
        policyJson.path("limits").fields().forEachRemaining(mode -> {
            JsonNode modePosition = mode.getValue().path("max_position_notional");
            JsonNode modeOrder = mode.getValue().path("max_order_notional");
            if (modePosition.isNumber() && modePosition.decimalValue().compareTo(positionCap) > 0) {
                problems.add("limits." + mode.getKey() + ".max_position_notional: "
                        + modePosition.decimalValue().toPlainString() + " exceeds execution.max_position_notional ("
                        + positionCap.toPlainString() + "): execution would refuse what risk approves");
            }
            JsonNode effectiveOrder = modeOrder.isNumber() ? modeOrder : modePosition;
            if (effectiveOrder.isNumber() && effectiveOrder.decimalValue().compareTo(orderCap) > 0) {
                problems.add("limits." + mode.getKey() + ".max_order_notional: "
                        + effectiveOrder.decimalValue().toPlainString() + (modeOrder.isNumber() ? "" : " (its default)")
                        + " exceeds execution.max_order_notional (" + orderCap.toPlainString()
                        + "): execution would refuse what risk approves");
            }
        });
    }

    /** A universe symbol no known contract has: a typo (BTCUSD, ETHUSDC) would trade nothing, silently. */
    private static void unknownSymbolsInTheUniverse(JsonNode policyJson, Set<String> knownSymbols,
                                                    List<String> problems) {
        JsonNode universe = policyJson.get("universe");
        if (universe == null || !universe.isArray()) {
            return;
        }
        for (int i = 0; i < universe.size(); i++) {
            JsonNode symbol = universe.get(i);
            // a malformed entry is the schema's to report
            if (symbol.isTextual() && symbol.asText().matches("^[A-Z0-9]{2,20}$")
                    && !knownSymbols.contains(symbol.asText())) {
                problems.add("universe[" + i + "]: unknown symbol " + symbol.asText()
                        + ", not a contract of the instrument list");
            }
        }
    }

    /** A symbol override for a symbol the platform does not trade is a typo or a stale entry: refuse it. */
    private static void symbolsOutsideTheUniverse(JsonNode policyJson, List<String> problems) {
        JsonNode symbols = policyJson.get("symbols");
        JsonNode universe = policyJson.get("universe");
        if (symbols == null || !symbols.isObject() || universe == null || !universe.isArray()) {
            return;
        }
        List<String> known = new ArrayList<>();
        universe.forEach(symbol -> known.add(symbol.asText()));
        symbols.fieldNames().forEachRemaining(symbol -> {
            if (!known.contains(symbol)) {
                problems.add("symbols." + symbol + ": unknown symbol, not in the universe " + known);
            }
        });
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

    private static JsonSchema loadSchema() {
        try (InputStream in = PolicyValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
