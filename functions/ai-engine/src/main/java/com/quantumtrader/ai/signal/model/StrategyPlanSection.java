package com.quantumtrader.ai.signal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.ai.spi.InvalidStrategyParameterException;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.strategy.model.Strategies;
import com.quantumtrader.events.EventJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The AI engine's policy section {@value #NAME}: parsing, validation and the default. Shape:
 * <pre>{@code
 * "strategy_plan": {
 *   "default": [{"strategy": "ma_crossover"}],
 *   "symbols": {"ETHUSDT": [{"strategy": "mean_reversion", "parameters": {"max_adx": 25}}]}
 * }
 * }</pre>
 * {@code default} runs on every universe symbol {@code symbols} does not name; left out, it is what the
 * {@code strategies} switches enable ({@link #fromSwitches}). A signal still needs its strategy switched on in
 * {@code strategies} (risk checks it too), so a switch stays the kill switch of a strategy wherever it is planned.
 */
public final class StrategyPlanSection {

    public static final String NAME = "strategy_plan";

    private static final Set<String> SECTION_FIELDS = Set.of("default", "symbols");
    private static final Set<String> ENTRY_FIELDS = Set.of("strategy", "parameters");

    private StrategyPlanSection() {
    }

    /**
     * Today's behaviour, the plan of a policy without the section: every strategy of the catalog the switches turn
     * on, on every symbol, with its default parameters. The trend strategy is planned when it or its defensive
     * variant is on; the variant itself is never planned beside it (the meta-strategy selector swaps it in).
     */
    public static StrategyPlan fromSwitches(Map<String, Boolean> switches, StrategyCatalog catalog) {
        List<PlannedStrategy> defaults = new ArrayList<>();
        for (StrategyFactory factory : catalog.all()) {
            String id = factory.id();
            boolean trend = id.equals(Strategies.TREND.strategyId());
            boolean on = Boolean.TRUE.equals(switches.get(id))
                    || trend && Boolean.TRUE.equals(switches.get(Strategies.DEFENSIVE.strategyId()));
            if (on && !id.equals(Strategies.DEFENSIVE.strategyId())) {
                defaults.add(new PlannedStrategy(factory, factory.validate(Map.of()), Map.of()));
            }
        }
        return new StrategyPlan(defaults, Map.of());
    }

    /**
     * @param section  the section's JSON (null or missing: {@link #fromSwitches})
     * @throws StrategyPlanException listing every problem, each prefixed with its field's path
     */
    public static StrategyPlan parse(JsonNode section, Map<String, Boolean> switches, StrategyCatalog catalog) {
        if (section == null || section.isMissingNode() || section.isNull()) {
            return fromSwitches(switches, catalog);
        }
        List<String> problems = new ArrayList<>();
        if (!section.isObject()) {
            throw new StrategyPlanException(List.of(NAME + ": must be an object with default and/or symbols"));
        }
        unknownFields(section, SECTION_FIELDS, NAME, problems);
        List<PlannedStrategy> defaults = section.has("default")
                ? entries(section.get("default"), NAME + ".default", catalog, problems)
                : fromSwitches(switches, catalog).defaults();
        Map<String, List<PlannedStrategy>> bySymbol = new TreeMap<>();
        JsonNode symbols = section.get("symbols");
        if (symbols != null && !symbols.isObject()) {
            problems.add(NAME + ".symbols: must be an object of symbol to a list of strategies");
        } else if (symbols != null) {
            symbols.fields().forEachRemaining(entry -> {
                String path = NAME + ".symbols." + entry.getKey();
                if (!entry.getKey().matches("[A-Z0-9]{2,20}")) {
                    problems.add(path + ": not a symbol (e.g. BTCUSDT)");
                }
                bySymbol.put(entry.getKey(), entries(entry.getValue(), path, catalog, problems));
            });
        }
        if (!problems.isEmpty()) {
            throw new StrategyPlanException(problems);
        }
        return new StrategyPlan(defaults, bySymbol);
    }

    private static List<PlannedStrategy> entries(JsonNode list, String path, StrategyCatalog catalog,
                                                 List<String> problems) {
        List<PlannedStrategy> planned = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(path + ": must be a list of {\"strategy\": id, \"parameters\": {...}}");
            return planned;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject() || !entry.path("strategy").isTextual()) {
                problems.add(at + ".strategy: required, a strategy id");
                continue;
            }
            unknownFields(entry, ENTRY_FIELDS, at, problems);
            String id = entry.get("strategy").asText();
            StrategyFactory factory = catalog.find(id).orElse(null);
            if (factory == null) {
                problems.add(at + ".strategy: unknown strategy " + id + "; known: "
                        + catalog.all().stream().map(StrategyFactory::id).toList());
                continue;
            }
            JsonNode parameters = entry.path("parameters");
            if (!parameters.isMissingNode() && !parameters.isObject()) {
                problems.add(at + ".parameters: must be an object of parameter name to value");
                continue;
            }
            Map<String, Object> raw = parameters.isMissingNode() ? Map.of() : rawValues(parameters);
            try {
                planned.add(new PlannedStrategy(factory, factory.validate(raw), raw));
            } catch (InvalidStrategyParameterException e) {
                problems.add(at + ".parameters." + e.getMessage().substring(id.length() + 1));
            } catch (IllegalArgumentException e) {
                problems.add(at + ".parameters: " + e.getMessage());
            }
        }
        return planned;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rawValues(JsonNode parameters) {
        return new LinkedHashMap<>(EventJson.mapper().convertValue(parameters, Map.class));
    }

    private static void unknownFields(JsonNode node, Set<String> known, String path, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(path + "." + name + ": unknown field; known: " + new TreeSet<>(known));
            }
        }
    }
}
