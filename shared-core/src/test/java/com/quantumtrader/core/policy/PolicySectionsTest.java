package com.quantumtrader.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The section SPI: composition, defaults, envelope checks and typed views, with a section of the tests' own. */
class PolicySectionsTest {

    /** The view of the demo section; an omitted size takes the fragment's default. */
    record Demo(String label, Integer size) {
        Demo {
            size = size != null ? size : DemoSection.FRAGMENT.intDefault("/properties/demo/properties/size");
        }
    }

    static final class DemoSection implements PolicySection<Demo> {
        static final PolicyFragment FRAGMENT = PolicyFragment.load(DemoSection.class, "/policy/demo-test.schema.json");

        @Override
        public PolicyFragment fragment() {
            return FRAGMENT;
        }

        @Override
        public Demo parse(JsonNode document) {
            return PolicySection.bind(document, "demo", Demo.class);
        }

        @Override
        public JsonNode write(Demo view) {
            ObjectNode json = EventJson.mapper().createObjectNode();
            json.set("demo", EventJson.tree(view));
            return json;
        }

        @Override
        public void check(JsonNode document, Set<String> knownSymbols, List<String> problems) {
            if ("forbidden".equals(document.path("demo").path("label").asText())) {
                problems.add("demo.label: forbidden is not allowed");
            }
        }
    }

    /** Claims a key the core section owns. */
    static final class GreedySection implements PolicySection<JsonNode> {
        @Override
        public PolicyFragment fragment() {
            return PolicyFragment.load(GreedySection.class, "/policy/core.schema.json");
        }

        @Override
        public JsonNode parse(JsonNode document) {
            return document;
        }
    }

    private final PolicySections sections = PolicySections.of(List.of(new DemoSection()));

    private ObjectNode defaults() {
        return sections.defaultsDocument();
    }

    @Test
    void theDefaultsAreTheSectionsShippedValuesCompletedByTheirFieldDefaultsInDocumentOrder() {
        ObjectNode defaults = defaults();

        assertThat(defaults.get("demo")).isEqualTo(EventJson.readTree("{\"label\":\"shipped\",\"size\":3}"));
        assertThat(defaults.fieldNames()).toIterable().containsExactly("demo", "risk_mode", "universe", "strategies",
                "account_equity", "drawdown_alert", "emergency_drawdown");
        assertThat(sections.problems(defaults, KnownSymbols.shipped())).isEmpty();
    }

    @Test
    void theComposedSchemaHoldsEverySectionsKeysAndNoPositionMarks() {
        ObjectNode schema = sections.schemaJson();

        assertThat(schema.get("properties").fieldNames()).toIterable().containsExactly("demo", "risk_mode",
                "universe", "strategies", "account_equity", "drawdown_alert", "emergency_drawdown");
        assertThat(schema.get("additionalProperties").booleanValue()).isFalse();
        assertThat(schema.toString()).doesNotContain("x-position");
    }

    @Test
    void aTopLevelKeyNoSectionOwnsIsRefusedAsMisspelled() {
        ObjectNode document = defaults();
        document.put("risk_mod", "SAFE");

        assertThat(sections.problems(document, KnownSymbols.shipped()))
                .containsExactly("risk_mod: is not a policy field (misspelled?)");
    }

    @Test
    void eachSectionsBoundsAndRulesAreCheckedWithTheFieldPath() {
        ObjectNode document = defaults();
        ((ObjectNode) document.get("demo")).put("size", 11).put("label", "forbidden");
        document.put("drawdown_alert", 0.5);

        assertThat(sections.problems(document, KnownSymbols.shipped())).containsExactly(
                "demo.label: forbidden is not allowed",
                "demo.size: must have a maximum value of 10",
                "drawdown_alert: 0.5 must be below emergency_drawdown (0.20)");
    }

    @Test
    void aStoredDocumentKeepsKeysOfSectionsThisProcessLacksAndFillsItsOwnMissingKeys() {
        ObjectNode stored = defaults();
        stored.remove("demo");
        stored.putObject("elsewhere").put("owned_by", "another module");

        Policy policy = sections.policyOf(stored);

        assertThat(policy.section(new DemoSection())).isEqualTo(new Demo("shipped", 3));
        assertThat(policy.json().get("elsewhere")).isEqualTo(stored.get("elsewhere"));
        assertThat(policy.at("/elsewhere/owned_by").asText()).isEqualTo("another module");
    }

    @Test
    void aSectionViewIsParsedOncePerPolicy() {
        Policy policy = sections.defaults();

        assertThat(policy.section(new DemoSection())).isSameAs(policy.section(new DemoSection()));
    }

    @Test
    void aValueOfTheWrongTypeInAStoredDocumentNamesItsField() {
        ObjectNode stored = defaults();
        ((ObjectNode) stored.get("demo")).put("size", "three");

        assertThatThrownBy(() -> sections.policyOf(stored))
                .isInstanceOfSatisfying(PolicyValidationException.class,
                        e -> assertThat(e.problems()).singleElement().asString().startsWith("demo.size: "));
    }

    @Test
    void twoSectionsOwningOneKeyIsAnErrorAtStartup() {
        assertThatThrownBy(() -> PolicySections.of(List.of(new GreedySection())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is owned by two sections");
    }

    @Test
    void withReplacesOneKeyAndNormalisesTheResult() {
        Policy policy = sections.defaults().with("demo", new Demo("changed", null));

        assertThat(policy.section(new DemoSection())).isEqualTo(new Demo("changed", 3));
        assertThat(policy.riskMode()).isEqualTo(RiskMode.NORMAL);
    }
}
