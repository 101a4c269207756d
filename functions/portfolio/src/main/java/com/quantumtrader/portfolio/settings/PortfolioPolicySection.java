package com.quantumtrader.portfolio.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.PolicyFragment;
import com.quantumtrader.core.policy.PolicySection;
import com.quantumtrader.events.EventJson;
import java.util.List;
import java.util.Set;

/**
 * Portfolio's section of the policy: the {@code portfolio} key; fields, bounds and shipped values in
 * {@code policy/portfolio.schema.json} (the one place the defaults are written). Registered in
 * {@code META-INF/services}; read with {@link PortfolioSettings#of}.
 */
public final class PortfolioPolicySection implements PolicySection<PortfolioSettings> {

    public static final PortfolioPolicySection SECTION = new PortfolioPolicySection();
    static final String KEY = "portfolio";
    static final PolicyFragment FRAGMENT = PolicyFragment.load(PortfolioPolicySection.class,
            "/policy/portfolio.schema.json");

    @Override
    public PolicyFragment fragment() {
        return FRAGMENT;
    }

    @Override
    public String name() {
        return "portfolio";
    }

    @Override
    public PortfolioSettings parse(JsonNode document) {
        return PolicySection.bind(document.get(KEY), PortfolioSettings.class);
    }

    @Override
    public JsonNode write(PortfolioSettings view) {
        return EventJson.mapper().createObjectNode().set(KEY, EventJson.tree(view));
    }

    @Override
    public void check(JsonNode document, Set<String> knownSymbols, List<String> problems) {
        JsonNode section = document.get(KEY);
        if (section != null && section.path("min_volatility").isNumber() && section.path("max_volatility").isNumber()
                && section.get("min_volatility").decimalValue().compareTo(section.get("max_volatility").decimalValue())
                > 0) {
            problems.add("portfolio.min_volatility: " + section.get("min_volatility").decimalValue().toPlainString()
                    + " must not exceed portfolio.max_volatility ("
                    + section.get("max_volatility").decimalValue().toPlainString() + ")");
        }
    }
}
