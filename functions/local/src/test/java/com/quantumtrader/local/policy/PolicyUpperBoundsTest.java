package com.quantumtrader.local.policy;

import com.quantumtrader.core.policy.*;
import com.quantumtrader.risk.policy.*;
import com.quantumtrader.execution.policy.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every number of the policy has an upper bound: a limit of 1e30 (or 1e400) is a typo or an attack, never a
 * setting. The fields are found by walking the composed schema (every section's fragment), so a field added later without a maximum
 * fails {@link #everyNumericFieldOfTheSchemaHasAMaximum()}.
 */
class PolicyUpperBoundsTest {

    /** Where a field of a {@code $defs} fragment lives in a real document. */
    private static final Map<String, String> DEF_PATHS = Map.of(
            "riskLimits", "limits.NORMAL", "symbolLimits", "symbols.BTCUSDT");

    record NumericField(String path, JsonNode schema) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<NumericField> numericFields() throws IOException {
        JsonNode schema;
        schema = PolicySections.installed().schemaJson();
        List<NumericField> fields = new ArrayList<>();
        collect("", schema, fields);
        schema.get("$defs").fields().forEachRemaining(def -> collect(DEF_PATHS.get(def.getKey()), def.getValue(), fields));
        return fields.stream();
    }

    private static void collect(String prefix, JsonNode schema, List<NumericField> out) {
        schema.path("properties").fields().forEachRemaining(property -> {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            String type = property.getValue().path("type").asText();
            if (type.equals("number") || type.equals("integer")) {
                out.add(new NumericField(path, property.getValue()));
            } else if (type.equals("object")) {
                collect(path, property.getValue(), out);
            }
        });
    }

    @Test
    void theWalkFindsEveryKindOfField() throws IOException {
        assertThat(numericFields().map(NumericField::path)).contains(
                "account_equity", "drawdown_alert", "circuit_breaker.window_minutes", "emergency.daily_loss",
                "limits.NORMAL.max_position_notional", "limits.NORMAL.max_orders_per_minute",
                "symbols.BTCUSDT.max_order_notional", "execution.max_order_notional",
                "execution.max_price_deviation_bps", "correlation.min_bars", "lifecycle.approved_timeout_minutes");
    }

    @Test
    void everyNumericFieldOfTheSchemaHasAMaximum() throws IOException {
        assertThat(numericFields())
                .allSatisfy(field -> assertThat(field.schema().has("maximum") || field.schema().has("exclusiveMaximum"))
                        .as(field.path() + " has an upper bound").isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericFields")
    void rejectsAHugeValueInEachFieldNamingTheField(NumericField field) {
        ObjectNode policy = defaultsWith(field.path(), new BigDecimal("1e30"));

        List<String> problems = PolicyValidator.problems(policy);

        assertThat(problems).as(field.path()).anySatisfy(problem ->
                assertThat(problem).startsWith(field.path() + ": ").containsIgnoringCase("maximum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericFields")
    void acceptsEachFieldAtItsMaximum(NumericField field) {
        JsonNode schema = field.schema();
        if (!schema.has("maximum")) {
            return; // an exclusive maximum (a fraction below 1) has no largest valid value to try
        }
        ObjectNode policy = defaultsWith(field.path(), schema.get("maximum").decimalValue());
        // a cross-field rule may refuse a lone maximum (min_bars <= window_bars, order cap <= position cap): raise
        // the partner too, so only the field's own bound is tested
        if (field.path().equals("correlation.min_bars")) {
            ((ObjectNode) policy.get("correlation")).put("window_bars", 1000);
        }
        if (field.path().equals("execution.max_order_notional")) {
            ((ObjectNode) policy.get("execution")).put("max_position_notional", schema.get("maximum").decimalValue());
        }
        if (field.path().startsWith("limits.") && field.path().endsWith("_notional")) {
            ((ObjectNode) policy.get("execution")).put("max_order_notional", 100_000_000)
                    .put("max_position_notional", 100_000_000);
        }
        if (field.path().equals("execution.slippage_recover_bps")) {
            ((ObjectNode) policy.get("execution")).put("slippage_high_bps", schema.get("maximum").decimalValue());
        }

        assertThat(PolicyValidator.problems(policy)).as(field.path()).isEmpty();
    }

    @Test
    void rejectsALimitOf1e400WrittenInAPolicyFile() {
        String json = EventJson.write(PolicyDefaults.load()).replace("\"account_equity\":10000",
                "\"account_equity\":1e400");
        assertThat(json).contains("1e400");

        assertThatThrownBy(() -> PolicyValidator.parseAndValidate(json))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("account_equity: must have a maximum value of 1000000000");
    }

    @Test
    void rejectsAnIntegerCountOf1e30() {
        String json = EventJson.write(PolicyDefaults.load()).replace("\"max_order_failures\":3",
                "\"max_order_failures\":1e30");

        assertThatThrownBy(() -> PolicyValidator.parseAndValidate(json))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("circuit_breaker.max_order_failures");
    }

    @Test
    void rejectsAnExecutionOrderCapAboveItsPositionCap() {
        ObjectNode policy = defaultsWith("execution.max_order_notional", new BigDecimal("60000"));

        assertThat(PolicyValidator.problems(policy)).containsExactly(
                "execution.max_order_notional: 60000 must not exceed execution.max_position_notional (50000)");
    }

    @Test
    void rejectsRiskLimitsAboveExecutionsOwnCaps() {
        ObjectNode policy = defaultsWith("limits.AGGRESSIVE.max_position_notional", new BigDecimal("60000"));
        ((ObjectNode) policy.get("limits").get("AGGRESSIVE")).remove("max_order_notional");

        assertThat(PolicyValidator.problems(policy)).containsExactly(
                "limits.AGGRESSIVE.max_order_notional: 60000 (its default) exceeds execution.max_order_notional "
                        + "(25000): execution would refuse what risk approves",
                "limits.AGGRESSIVE.max_position_notional: 60000 exceeds execution.max_position_notional (50000): "
                        + "execution would refuse what risk approves");
    }

    /** The shipped defaults with one field set (its parent objects created as needed). */
    private static ObjectNode defaultsWith(String path, BigDecimal value) {
        ObjectNode policy = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        String[] parts = path.split("\\.");
        ObjectNode node = policy;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
        return policy;
    }
}
