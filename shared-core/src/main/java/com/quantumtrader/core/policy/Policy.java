package com.quantumtrader.core.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one policy document (the seed's {@code PolicyConfig}), made of sections each domain owns
 * ({@link PolicySection}): the keys several domains read are shared-core's ({@link SharedPolicy}, with accessors
 * here); a domain reads its own with {@link #section(PolicySection)}, e.g. {@code policy.section(RiskPolicySection
 * .SECTION).activeLimits()}. Immutable; the JSON is in canonical form (see {@link PolicySections}), which is what is
 * stored, snapshotted and diffed. Typed views are parsed once per policy version and cached, so a read is a map
 * lookup.
 */
public final class Policy {

    private final PolicySections sections;
    private final ObjectNode document;
    private final SharedPolicy shared;
    private final Map<Class<?>, Object> views = new ConcurrentHashMap<>();

    Policy(PolicySections sections, ObjectNode canonical) {
        this.sections = sections;
        this.document = canonical;
        this.shared = CorePolicySection.SECTION.parse(canonical);
    }

    /** A policy of this JSON, not validated (use {@link PolicyValidator} for input from outside). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Policy of(JsonNode json) {
        return PolicySections.installed().policyOf(json);
    }

    /** The typed view of a section, parsed once per policy and cached. */
    @SuppressWarnings("unchecked")
    public <T> T section(PolicySection<T> section) {
        Object view = views.get(section.getClass());
        if (view == null) {
            view = section.parse(PolicySections.completed(section, document));
            views.putIfAbsent(section.getClass(), view);
        }
        return (T) view;
    }

    /** The document as JSON (a copy), in canonical form. */
    @JsonValue
    public ObjectNode json() {
        return document.deepCopy();
    }

    /**
     * The value at a JSON pointer (a copy; missing node when absent), for reading a section this module does not own
     * and may not import, e.g. {@code /limits/NORMAL/risk_per_trade}. Prefer a section view where you can.
     */
    public JsonNode at(String jsonPointer) {
        return document.at(jsonPointer).deepCopy();
    }

    /** The same policy with one top-level key replaced (any value Jackson writes, e.g. a section's record). */
    public Policy with(String key, Object value) {
        ObjectNode changed = document.deepCopy();
        changed.set(key, value instanceof JsonNode node ? node : EventJson.tree(value));
        return sections.policyOf(changed);
    }

    public SharedPolicy shared() {
        return shared;
    }

    public RiskMode riskMode() {
        return shared.riskMode();
    }

    public List<String> universe() {
        return shared.universe();
    }

    public Map<String, Boolean> strategies() {
        return shared.strategies();
    }

    public BigDecimal accountEquity() {
        return shared.accountEquity();
    }

    public BigDecimal drawdownAlert() {
        return shared.drawdownAlert();
    }

    public BigDecimal emergencyDrawdown() {
        return shared.emergencyDrawdown();
    }

    public boolean strategyEnabled(String strategyId) {
        return Boolean.TRUE.equals(shared.strategies().get(strategyId));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Policy policy && document.equals(policy.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(document);
    }

    @Override
    public String toString() {
        return "Policy" + document;
    }
}
