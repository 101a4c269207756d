package com.quantumtrader.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** shared-core's own section: the keys several domains read ({@link SharedPolicy}). Always installed. */
public final class CorePolicySection implements PolicySection<SharedPolicy> {

    public static final CorePolicySection SECTION = new CorePolicySection();

    private static final PolicyFragment FRAGMENT =
            PolicyFragment.load(CorePolicySection.class, "/policy/core.schema.json");

    @Override
    public PolicyFragment fragment() {
        return FRAGMENT;
    }

    @Override
    public String name() {
        return "core";
    }

    @Override
    public SharedPolicy parse(JsonNode document) {
        return PolicySection.bind(document, SharedPolicy.class);
    }

    @Override
    public void check(JsonNode document, Set<String> knownSymbols, List<String> problems) {
        JsonNode alert = document.get("drawdown_alert");
        JsonNode emergency = document.get("emergency_drawdown");
        if (alert != null && emergency != null && alert.isNumber() && emergency.isNumber()
                && alert.decimalValue().compareTo(emergency.decimalValue()) >= 0) {
            problems.add("drawdown_alert: " + alert.decimalValue().toPlainString()
                    + " must be below emergency_drawdown (" + emergency.decimalValue().toPlainString() + ")");
        }
        unknownSymbolsInTheUniverse(document, knownSymbols, problems);
    }

    /** A universe symbol no known contract has: a typo (BTCUSD, ETHUSDC) would trade nothing, silently. */
    private static void unknownSymbolsInTheUniverse(JsonNode document, Set<String> knownSymbols,
                                                    List<String> problems) {
        JsonNode universe = document.get("universe");
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
}
