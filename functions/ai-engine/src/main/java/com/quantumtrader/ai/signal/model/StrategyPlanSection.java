package com.quantumtrader.ai.signal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.ai.spi.InvalidStrategyParameterException;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.core.policy.PolicyFragment;
import com.quantumtrader.core.policy.PolicySection;
import com.quantumtrader.core.policy.PolicyValidationException;
import com.quantumtrader.events.EventJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The AI engine's policy section: the {@value #KEY} key (fields, defaults and descriptions in
 * {@code policy/strategy_plan.schema.json}; registered in {@code META-INF/services}). Shape:
 * <pre>{@code
 * "strategy_plan": {
 *   "default": [{"strategy": "ma_crossover"}],
 *   "symbols": {"ETHUSDT": [{"strategy": "mean_reversion", "parameters": {"max_adx": 25}}]}
 * }
 * }</pre>
 * {@code default} runs on every universe symbol {@code symbols} does not name; shipped, it is the trend rule with its
 * default parameters. A signal still needs its strategy switched on in {@code strategies} (risk checks it too), so a
 * switch stays the kill switch of a strategy wherever it is planned.
 *
 * <p>Validation needs the strategies the engine can run: the built-in ones, or those a composition root declares
 * with {@link #planWith} (the local runtime's {@code --strategies-jar}) before it validates a policy.
 */
public final class StrategyPlanSection implements PolicySection<StrategyPlanSettings> {

    public static final StrategyPlanSection SECTION = new StrategyPlanSection();
    public static final String KEY = "strategy_plan";

    private static final PolicyFragment FRAGMENT = PolicyFragment.load(StrategyPlanSection.class,
            "/policy/strategy_plan.schema.json");
    private static final List<StrategyPlanSettings.Entry> SHIPPED_DEFAULT = List.of(EventJson.mapper()
            .convertValue(FRAGMENT.fieldDefault("/properties/strategy_plan/properties/default"),
                    StrategyPlanSettings.Entry[].class));

    private static volatile StrategyCatalog plannable;

    /** For ServiceLoader; use {@link #SECTION}. */
    public StrategyPlanSection() {
    }

    /**
     * The strategies a plan may name in this process from now on (a policy is validated against them): the
     * composition root's catalog, e.g. the built-in strategies plus a {@code --strategies-jar}'s.
     */
    public static void planWith(StrategyCatalog catalog) {
        plannable = Objects.requireNonNull(catalog, "catalog");
    }

    static StrategyCatalog plannable() {
        StrategyCatalog catalog = plannable;
        if (catalog == null) {
            catalog = StrategyCatalog.builtIn();
            plannable = catalog;
        }
        return catalog;
    }

    @Override
    public PolicyFragment fragment() {
        return FRAGMENT;
    }

    @Override
    public String name() {
        return KEY;
    }

    @Override
    public StrategyPlanSettings parse(JsonNode document) {
        StrategyPlanSettings settings = PolicySection.bind(document, KEY, StrategyPlanSettings.class);
        if (settings == null) {
            throw new PolicyValidationException(List.of(KEY + ": must be an object with default and/or symbols"));
        }
        return settings.defaults() != null ? settings
                : new StrategyPlanSettings(SHIPPED_DEFAULT, settings.symbols());
    }

    @Override
    public JsonNode write(StrategyPlanSettings view) {
        return EventJson.mapper().createObjectNode().set(KEY, EventJson.tree(view));
    }

    /** Strategy ids, parameters (by the strategy's own declaration) and symbols (by the universe). */
    @Override
    public void check(JsonNode document, Set<String> knownSymbols, List<String> problems) {
        JsonNode section = document.get(KEY);
        if (section == null || !section.isObject()) {
            return; // absent takes the shipped plan; a wrong shape is the schema's to report
        }
        StrategyCatalog catalog = plannable();
        entries(section.get("default"), KEY + ".default", catalog, problems);
        JsonNode symbols = section.get("symbols");
        if (symbols == null || !symbols.isObject()) {
            return;
        }
        List<String> universe = new ArrayList<>();
        document.path("universe").forEach(symbol -> universe.add(symbol.asText()));
        symbols.fields().forEachRemaining(entry -> {
            String path = KEY + ".symbols." + entry.getKey();
            if (document.path("universe").isArray() && !universe.contains(entry.getKey())) {
                problems.add(path + ": " + entry.getKey() + " is not in the universe " + universe
                        + "; a plan for it would never run");
            }
            entries(entry.getValue(), path, catalog, problems);
        });
    }

    /**
     * The runnable plan of a section's view with the engine's strategies.
     *
     * @throws StrategyPlanException listing every problem, each prefixed with its field's path (a stored document
     *                               that was not validated against these strategies)
     */
    public static StrategyPlan resolve(StrategyPlanSettings settings, StrategyCatalog catalog) {
        List<String> problems = new ArrayList<>();
        List<PlannedStrategy> defaults = planned(settings.defaults(), KEY + ".default", catalog, problems);
        Map<String, List<PlannedStrategy>> bySymbol = new TreeMap<>();
        settings.symbols().forEach((symbol, entries) ->
                bySymbol.put(symbol, planned(entries, KEY + ".symbols." + symbol, catalog, problems)));
        if (!problems.isEmpty()) {
            throw new StrategyPlanException(problems);
        }
        return new StrategyPlan(defaults, bySymbol);
    }

    private static List<PlannedStrategy> planned(List<StrategyPlanSettings.Entry> entries, String path,
                                                 StrategyCatalog catalog, List<String> problems) {
        List<PlannedStrategy> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            StrategyPlanSettings.Entry entry = entries.get(i);
            String at = path + "[" + i + "]";
            StrategyFactory factory = catalog.find(entry.strategy()).orElse(null);
            if (factory == null) {
                problems.add(at + ".strategy: unknown strategy " + entry.strategy() + "; known: "
                        + catalog.all().stream().map(StrategyFactory::id).toList());
                continue;
            }
            if (!seen.add(entry.strategy())) {
                problems.add(at + ".strategy: " + entry.strategy() + " is planned twice on this symbol");
                continue;
            }
            try {
                planned.add(new PlannedStrategy(factory, factory.validate(entry.parameters()), entry.parameters()));
            } catch (InvalidStrategyParameterException e) {
                problems.add(at + ".parameters." + e.field() + e.getMessage().substring(
                        e.strategyId().length() + 1 + e.field().length()));
            } catch (IllegalArgumentException e) {
                problems.add(at + ".parameters: " + e.getMessage());
            }
        }
        return planned;
    }

    /** The catalog checks of one list as the document gives it; shapes the schema refuses are skipped. */
    private static void entries(JsonNode list, String path, StrategyCatalog catalog, List<String> problems) {
        if (list == null || !list.isArray()) {
            return;
        }
        List<StrategyPlanSettings.Entry> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            if (!entry.isObject() || !entry.path("strategy").isTextual()
                    || entry.has("parameters") && !entry.get("parameters").isObject()) {
                return;
            }
            entries.add(new StrategyPlanSettings.Entry(entry.get("strategy").asText(), rawValues(entry)));
        }
        planned(entries, path, catalog, problems);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rawValues(JsonNode entry) {
        JsonNode parameters = entry.get("parameters");
        return parameters == null ? Map.of()
                : new LinkedHashMap<>(EventJson.mapper().convertValue(parameters, Map.class));
    }
}
