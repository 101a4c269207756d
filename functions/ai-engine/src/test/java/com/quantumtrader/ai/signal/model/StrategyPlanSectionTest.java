package com.quantumtrader.ai.signal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.events.EventJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyPlanSectionTest {

    private static final StrategyCatalog CATALOG = StrategyCatalog.builtIn();
    private static final Map<String, Boolean> SHIPPED_SWITCHES = Map.of("ma_crossover", true,
            "ma_crossover_defensive", true);

    private static StrategyPlan parse(String json) {
        return StrategyPlanSection.parse(EventJson.readTree(json), SHIPPED_SWITCHES, CATALOG);
    }

    private static List<String> ids(List<PlannedStrategy> planned) {
        return planned.stream().map(PlannedStrategy::strategyId).toList();
    }

    @Test
    void withoutTheSectionRunsTheTrendRuleOnEverySymbolAsToday() {
        StrategyPlan plan = StrategyPlanSection.parse(null, SHIPPED_SWITCHES, CATALOG);

        assertThat(ids(plan.forSymbol("BTCUSDT"))).containsExactly("ma_crossover");
        assertThat(ids(plan.forSymbol("DOGEUSDT"))).containsExactly("ma_crossover");
        assertThat(plan.forSymbol("BTCUSDT").get(0).parameters().integer("slow_period")).isEqualTo(30);
    }

    @Test
    void withoutTheSectionAlsoRunsEveryOtherStrategyTheSwitchesTurnOn() {
        StrategyPlan plan = StrategyPlanSection.fromSwitches(Map.of("ma_crossover", false, "mean_reversion", true),
                CATALOG);

        assertThat(ids(plan.forSymbol("ETHUSDT"))).containsExactly("mean_reversion");
    }

    @Test
    void runsPerSymbolStrategiesWithTheirParametersAndTheDefaultElsewhere() {
        StrategyPlan plan = parse("""
                {"default": [{"strategy": "ma_crossover", "parameters": {"fast_period": 5}}],
                 "symbols": {"ETHUSDT": [{"strategy": "mean_reversion", "parameters": {"max_adx": 25}},
                                         {"strategy": "ma_crossover"}],
                             "DOGEUSDT": []}}""");

        assertThat(plan.forSymbol("BTCUSDT").get(0).parameters().integer("fast_period")).isEqualTo(5);
        assertThat(ids(plan.forSymbol("ETHUSDT"))).containsExactly("mean_reversion", "ma_crossover");
        assertThat(plan.forSymbol("ETHUSDT").get(0).parameters().decimal("max_adx")).isEqualTo(25.0);
        assertThat(plan.forSymbol("DOGEUSDT")).isEmpty();
    }

    @Test
    void refusesAnUnknownStrategyNamingTheFieldAndTheKnownOnes() {
        assertThatThrownBy(() -> parse("""
                {"symbols": {"BTCUSDT": [{"strategy": "moon_shot"}]}}"""))
                .isInstanceOf(StrategyPlanException.class)
                .hasMessageContaining("strategy_plan.symbols.BTCUSDT[0].strategy: unknown strategy moon_shot; known: [")
                .hasMessageContaining("ma_crossover, ma_crossover_defensive, mean_reversion");
    }

    @Test
    void refusesABadParameterNamingItsPath() {
        assertThatThrownBy(() -> parse("""
                {"default": [{"strategy": "ma_crossover", "parameters": {"slow_period": 5000}}]}"""))
                .hasMessageContaining("strategy_plan.default[0].parameters.slow_period: must be at most 1000 but "
                        + "is 5000");
    }

    @Test
    void listsEveryProblemAtOnce() {
        StrategyPlanException problems = org.junit.jupiter.api.Assertions.assertThrows(StrategyPlanException.class,
                () -> parse("""
                        {"defaults": [],
                         "symbols": {"btc": [{"strategy": "ma_crossover", "parameters": {"fast": 3}}],
                                     "ETHUSDT": {"strategy": "mean_reversion"}}}"""));

        assertThat(problems.problems()).containsExactlyInAnyOrder(
                "strategy_plan.defaults: unknown field; known: [default, symbols]",
                "strategy_plan.symbols.btc: not a symbol (e.g. BTCUSDT)",
                "strategy_plan.symbols.btc[0].parameters.fast: unknown parameter; known: [atr_period, fast_period, "
                        + "max_atr_fraction, min_atr_fraction, platt_a, platt_b, slow_period, stop_atr, target_atr]",
                "strategy_plan.symbols.ETHUSDT: must be a list of {\"strategy\": id, \"parameters\": {...}}");
    }
}
