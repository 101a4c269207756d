package com.quantumtrader.execution.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyFragment;
import com.quantumtrader.core.policy.PolicySection;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Execution's section of the policy: the key {@code execution} (slippage watch, adaptive entries, execution's own
 * order guard); fields, bounds and defaults in {@code policy/execution.schema.json}. Registered in
 * {@code META-INF/services}; read with {@link #of(Policy)}.
 */
public final class ExecutionPolicySection implements PolicySection<ExecutionPolicy> {

    public static final ExecutionPolicySection SECTION = new ExecutionPolicySection();

    static final PolicyFragment FRAGMENT =
            PolicyFragment.load(ExecutionPolicySection.class, "/policy/execution.schema.json");

    /** Execution's view of a policy (cached per policy version). */
    public static ExecutionPolicy of(Policy policy) {
        return policy.section(SECTION);
    }

    @Override
    public PolicyFragment fragment() {
        return FRAGMENT;
    }

    @Override
    public String name() {
        return "execution";
    }

    @Override
    public ExecutionPolicy parse(JsonNode document) {
        return PolicySection.bind(document, "execution", ExecutionPolicy.class);
    }

    @Override
    public JsonNode write(ExecutionPolicy view) {
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.set("execution", EventJson.tree(view));
        return json;
    }

    @Override
    public void check(JsonNode document, Set<String> knownSymbols, List<String> problems) {
        JsonNode execution = document.get("execution");
        if (execution != null && execution.path("slippage_recover_bps").isNumber()
                && execution.path("slippage_high_bps").isNumber()
                && execution.get("slippage_recover_bps").decimalValue()
                        .compareTo(execution.get("slippage_high_bps").decimalValue()) > 0) {
            problems.add("execution.slippage_recover_bps: "
                    + execution.get("slippage_recover_bps").decimalValue().toPlainString()
                    + " must not exceed execution.slippage_high_bps ("
                    + execution.get("slippage_high_bps").decimalValue().toPlainString() + ")");
        }
        riskWithinExecutionCaps(document, problems);
    }

    /**
     * Execution refuses on its own what exceeds its caps (defence in depth below risk), so risk must never approve
     * more: an omitted cap is its default, an omitted mode order cap is the mode's position cap. Reads risk's
     * {@code limits} as JSON (no import of the risk domain): the rule is about execution's caps.
     */
    private static void riskWithinExecutionCaps(JsonNode document, List<String> problems) {
        JsonNode execution = document.path("execution");
        JsonNode order = execution.path("max_order_notional");
        JsonNode position = execution.path("max_position_notional");
        BigDecimal orderCap = order.isNumber() ? order.decimalValue() : ExecutionPolicy.DEFAULT_MAX_ORDER_NOTIONAL;
        BigDecimal positionCap = position.isNumber() ? position.decimalValue()
                : ExecutionPolicy.DEFAULT_MAX_POSITION_NOTIONAL;
        if (orderCap.compareTo(positionCap) > 0) {
            problems.add("execution.max_order_notional: " + orderCap.toPlainString()
                    + " must not exceed execution.max_position_notional (" + positionCap.toPlainString() + ")");
        }
        document.path("limits").fields().forEachRemaining(mode -> {
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
}
