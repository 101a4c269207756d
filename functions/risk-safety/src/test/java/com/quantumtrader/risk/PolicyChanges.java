package com.quantumtrader.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.risk.policy.CircuitBreakerPolicy;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.risk.policy.RiskLimits;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.policy.RiskMode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Changes to the shipped default policy, one field at a time, for tests. */
final class PolicyChanges {

    private PolicyChanges() {
    }

    static UnaryOperator<Policy> minConfidence(double value) {
        return limits(l -> new RiskLimits(value, l.maxPositionNotional(), l.maxOpenPositions(), l.maxLeverage(),
                l.riskPerTrade()));
    }

    static UnaryOperator<Policy> maxPositionNotional(String value) {
        return limits(l -> new RiskLimits(l.minConfidence(), new BigDecimal(value), l.maxOpenPositions(),
                l.maxLeverage(), l.riskPerTrade()));
    }

    static UnaryOperator<Policy> maxOpenPositions(int value) {
        return limits(l -> new RiskLimits(l.minConfidence(), l.maxPositionNotional(), value, l.maxLeverage(),
                l.riskPerTrade()));
    }

    static UnaryOperator<Policy> maxLeverage(String value) {
        return limits(l -> new RiskLimits(l.minConfidence(), l.maxPositionNotional(), l.maxOpenPositions(),
                new BigDecimal(value), l.riskPerTrade()));
    }

    static UnaryOperator<Policy> riskPerTrade(String value) {
        return limits(l -> new RiskLimits(l.minConfidence(), l.maxPositionNotional(), l.maxOpenPositions(),
                l.maxLeverage(), new BigDecimal(value)));
    }

    static UnaryOperator<Policy> universe(String... symbols) {
        return p -> p.with("universe", List.of(symbols));
    }

    static UnaryOperator<Policy> strategy(String id, boolean enabled) {
        return p -> {
            Map<String, Boolean> strategies = new LinkedHashMap<>(p.strategies());
            strategies.put(id, enabled);
            return p.with("strategies", strategies);
        };
    }

    static UnaryOperator<Policy> circuitBreaker(int maxFailures, int windowMinutes, int coolOffMinutes) {
        return p -> p.with("circuit_breaker", new CircuitBreakerPolicy(maxFailures, windowMinutes, coolOffMinutes));
    }

    /**
     * The policy with a JSON merge patch applied (e.g. {@code {"limits":{"NORMAL":{"price_collar_bps":20}}}}),
     * validated like an operator's update, so a test never runs on a policy the store would refuse.
     */
    static UnaryOperator<Policy> patched(String patchJson) {
        return p -> {
            ObjectNode tree = (ObjectNode) EventJson.tree(p);
            merge(tree, (ObjectNode) EventJson.readTree(patchJson));
            return PolicyValidator.validate(tree);
        };
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode inner) {
                merge(inner, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private static UnaryOperator<Policy> limits(UnaryOperator<RiskLimits> change) {
        return p -> {
            RiskPolicy risk = RiskPolicy.of(p);
            Map<RiskMode, RiskLimits> limits = new LinkedHashMap<>(risk.limits());
            limits.put(p.riskMode(), change.apply(risk.activeLimits()));
            return p.with("limits", limits);
        };
    }
}
