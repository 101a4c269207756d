package com.quantumtrader.ai.signal.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The typed view of the {@code strategy_plan} policy section, as the document writes it (strategy ids and raw
 * parameter values); {@link StrategyPlanSection#resolve} turns it into a runnable {@link StrategyPlan} against the
 * engine's strategies.
 *
 * @param defaults what runs on a universe symbol {@code symbols} does not name (JSON {@code default})
 * @param symbols  symbol to what runs on it instead (an empty list: nothing), sorted by symbol
 */
public record StrategyPlanSettings(@JsonProperty("default") List<Entry> defaults, Map<String, List<Entry>> symbols) {

    public StrategyPlanSettings {
        defaults = defaults == null ? null : List.copyOf(defaults);
        symbols = symbols == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(symbols));
    }

    /**
     * One strategy run on a symbol.
     *
     * @param strategy   its id
     * @param parameters raw values by name (sorted); left out: the strategy's defaults
     */
    public record Entry(String strategy, Map<String, Object> parameters) {

        public Entry {
            parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
        }
    }
}
