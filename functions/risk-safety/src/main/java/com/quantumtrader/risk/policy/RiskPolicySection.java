package com.quantumtrader.risk.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyFragment;
import com.quantumtrader.core.policy.PolicySection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Risk & safety's section of the policy: {@code limits}, {@code symbols}, {@code circuit_breaker}, {@code emergency},
 * {@code safety_governor}, {@code correlation}, {@code lifecycle}; fields, bounds and defaults in
 * {@code policy/risk.schema.json}. Registered in {@code META-INF/services}; read with {@link RiskPolicy#of(Policy)}.
 */
public final class RiskPolicySection implements PolicySection<RiskPolicy> {

    public static final RiskPolicySection SECTION = new RiskPolicySection();

    static final PolicyFragment FRAGMENT = PolicyFragment.load(RiskPolicySection.class, "/policy/risk.schema.json");

    @Override
    public PolicyFragment fragment() {
        return FRAGMENT;
    }

    @Override
    public String name() {
        return "risk";
    }

    @Override
    public RiskPolicy parse(JsonNode document) {
        return PolicySection.bind(document, RiskPolicy.class);
    }

    @Override
    public void check(JsonNode document, Set<String> knownSymbols, List<String> problems) {
        symbolsOutsideTheUniverse(document, problems);
        JsonNode correlation = document.get("correlation");
        if (correlation != null && correlation.path("min_bars").isInt() && correlation.path("window_bars").isInt()
                && correlation.get("min_bars").intValue() > correlation.get("window_bars").intValue()) {
            problems.add("correlation.min_bars: " + correlation.get("min_bars").intValue()
                    + " must not exceed correlation.window_bars (" + correlation.get("window_bars").intValue() + ")");
        }
    }

    /** A symbol override for a symbol the platform does not trade is a typo or a stale entry: refuse it. */
    private static void symbolsOutsideTheUniverse(JsonNode document, List<String> problems) {
        JsonNode symbols = document.get("symbols");
        JsonNode universe = document.get("universe");
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
}
