package com.quantumtrader.local.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicySection;
import com.quantumtrader.core.policy.PolicySections;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.core.testing.TestPolicies;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.policy.ExecutionPolicySection;
import com.quantumtrader.risk.policy.RiskPolicySection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole policy as the local runtime (every domain on the classpath) composes it from the sections: the shipped
 * defaults are valid and are the document shipped before the split ({@code policy/reference-policy.json}), so
 * splitting the policy into sections changed no behaviour.
 */
class ComposedPolicyTest {

    /** Numbers compare by value: 0.70 in a hand-written file is 0.7 once read into a limit. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @Test
    void everyDomainSectionIsInstalledOnTheLocalRuntime() {
        assertThat(PolicySections.installed().sections()).extracting(PolicySection::name)
                .containsExactlyInAnyOrder("core", "risk", "execution", "portfolio", "strategy_plan");
        assertThat(PolicySections.installed().sections())
                .anyMatch(s -> s instanceof RiskPolicySection)
                .anyMatch(s -> s instanceof ExecutionPolicySection);
    }

    @Test
    void theComposedDefaultsAreValidAndEqualTheDocumentShippedBeforeTheSplit() {
        JsonNode composed = EventJson.tree(PolicyDefaults.load());

        assertThat(PolicyValidator.problems(composed)).isEmpty();
        assertThat(composed.equals(BY_VALUE, TestPolicies.referenceJson()))
                .as("composed defaults %s", composed).isTrue();
    }

    @Test
    void theComposedDefaultsKeepTheKeyOrderOfTheStoredDocument() {
        List<String> composed = new ArrayList<>();
        EventJson.tree(PolicyDefaults.load()).fieldNames().forEachRemaining(composed::add);
        List<String> reference = new ArrayList<>();
        TestPolicies.referenceJson().fieldNames().forEachRemaining(reference::add);

        assertThat(composed).containsExactlyElementsOf(reference);
        assertThat(PolicySections.installed().keys()).containsExactlyElementsOf(reference);
    }

    @Test
    void theComposedSchemaOwnsExactlyTheDocumentsKeysAndRequiresTheOriginalOnes() {
        JsonNode schema = PolicySections.installed().schemaJson();
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(key -> required.add(key.asText()));

        assertThat(properties).containsExactlyElementsOf(PolicySections.installed().keys());
        assertThat(required).containsExactly("risk_mode", "limits", "universe", "strategies", "account_equity",
                "drawdown_alert", "emergency_drawdown", "circuit_breaker");
        assertThat(schema.get("$defs").has("riskLimits")).isTrue();
        assertThat(schema.toString()).doesNotContain("x-position");
    }
}
