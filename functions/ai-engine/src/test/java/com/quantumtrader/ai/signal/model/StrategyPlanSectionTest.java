package com.quantumtrader.ai.signal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicySections;
import com.quantumtrader.core.policy.PolicyValidationException;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyPlanSectionTest {

    private static final StrategyCatalog CATALOG = StrategyCatalog.builtIn();

    /** The shipped policy (universe BTCUSDT, ETHUSDT) with this {@code strategy_plan}. */
    private static JsonNode policyWithPlan(String planJson) {
        ObjectNode policy = PolicyDefaults.load().json();
        policy.set(StrategyPlanSection.KEY, EventJson.readTree(planJson));
        return policy;
    }

    private static StrategyPlan planOf(String planJson) {
        Policy policy = PolicyValidator.validate(policyWithPlan(planJson));
        return StrategyPlanSection.resolve(policy.section(StrategyPlanSection.SECTION), CATALOG);
    }

    private static List<String> problems(String planJson) {
        return PolicyValidator.problems(policyWithPlan(planJson));
    }

    private static List<String> ids(List<PlannedStrategy> planned) {
        return planned.stream().map(PlannedStrategy::strategyId).toList();
    }

    @Test
    void isAnInstalledSectionWhoseShippedPlanIsTheTrendRuleOnEverySymbol() {
        assertThat(PolicySections.installed().sections()).anyMatch(s -> s instanceof StrategyPlanSection);

        StrategyPlan plan = StrategyPlanSection.resolve(PolicyDefaults.load().section(StrategyPlanSection.SECTION),
                CATALOG);

        assertThat(ids(plan.forSymbol("BTCUSDT"))).containsExactly("ma_crossover");
        assertThat(ids(plan.forSymbol("ETHUSDT"))).containsExactly("ma_crossover");
        assertThat(plan.forSymbol("BTCUSDT").get(0).parameters().integer("slow_period")).isEqualTo(30);
        assertThat(PolicyDefaults.load().json().get(StrategyPlanSection.KEY)).isEqualTo(EventJson.readTree(
                "{\"default\": [{\"strategy\": \"ma_crossover\", \"parameters\": {}}], \"symbols\": {}}"));
    }

    @Test
    void aPolicyWithoutTheSectionOrItsDefaultTakesTheShippedPlan() {
        ObjectNode without = PolicyDefaults.load().json();
        without.remove(StrategyPlanSection.KEY);

        assertThat(PolicyValidator.validate(without).section(StrategyPlanSection.SECTION))
                .isEqualTo(PolicyDefaults.load().section(StrategyPlanSection.SECTION));
        assertThat(ids(planOf("{\"symbols\": {\"ETHUSDT\": []}}").forSymbol("BTCUSDT")))
                .containsExactly("ma_crossover");
    }

    @Test
    void runsPerSymbolStrategiesWithTheirParametersAndTheDefaultElsewhere() {
        StrategyPlan plan = planOf("""
                {"default": [{"strategy": "ma_crossover", "parameters": {"fast_period": 5}}],
                 "symbols": {"ETHUSDT": [{"strategy": "mean_reversion", "parameters": {"max_adx": 25}},
                                         {"strategy": "ma_crossover"}]}}""");

        assertThat(plan.forSymbol("BTCUSDT").get(0).parameters().integer("fast_period")).isEqualTo(5);
        assertThat(ids(plan.forSymbol("ETHUSDT"))).containsExactly("mean_reversion", "ma_crossover");
        assertThat(plan.forSymbol("ETHUSDT").get(0).parameters().decimal("max_adx")).isEqualTo(25.0);
        assertThat(ids(planOf("{\"symbols\": {\"ETHUSDT\": []}}").forSymbol("ETHUSDT"))).isEmpty();
    }

    @Test
    void refusesAnUnknownStrategyNamingTheFieldAndTheKnownOnes() {
        assertThat(problems("{\"symbols\": {\"BTCUSDT\": [{\"strategy\": \"moon_shot\"}]}}")).singleElement()
                .asString()
                .startsWith("strategy_plan.symbols.BTCUSDT[0].strategy: unknown strategy moon_shot; known: [")
                .contains("ma_crossover, ma_crossover_defensive, mean_reversion, model_driven");
    }

    @Test
    void refusesAnOutOfRangeParameterNamingItsPath() {
        assertThat(problems("""
                {"default": [{"strategy": "ma_crossover", "parameters": {"slow_period": 5000}}]}"""))
                .containsExactly("strategy_plan.default[0].parameters.slow_period: must be at most 1000 but is 5000");
    }

    @Test
    void refusesAnIllTypedParameterNamingItsPath() {
        assertThat(problems("""
                {"default": [{"strategy": "ma_crossover", "parameters": {"fast_period": 2.5}}]}"""))
                .containsExactly("strategy_plan.default[0].parameters.fast_period: must be a whole number but is 2.5");
        assertThat(problems("""
                {"default": [{"strategy": "mean_reversion", "parameters": {"max_adx": "low"}}]}"""))
                .containsExactly("strategy_plan.default[0].parameters.max_adx: must be a number but is low");
    }

    @Test
    void refusesASymbolOutsideTheUniverse() {
        assertThat(problems("{\"symbols\": {\"SOLUSDT\": [{\"strategy\": \"mean_reversion\"}]}}"))
                .containsExactly("strategy_plan.symbols.SOLUSDT: SOLUSDT is not in the universe [BTCUSDT, ETHUSDT];"
                        + " a plan for it would never run");
    }

    @Test
    void refusesTheSameStrategyTwiceOnASymbol() {
        assertThat(problems("""
                {"default": [{"strategy": "ma_crossover"}, {"strategy": "ma_crossover",
                             "parameters": {"fast_period": 5}}]}"""))
                .containsExactly("strategy_plan.default[1].strategy: ma_crossover is planned twice on this symbol");
    }

    @Test
    void listsEveryProblemAtOnceSchemaAndStrategyRulesAlike() {
        assertThat(problems("""
                {"defaults": [],
                 "symbols": {"btc": [{"strategy": "ma_crossover"}],
                             "BTCUSDT": [{"strategy": "ma_crossover", "parameters": {"fast": 3}}],
                             "ETHUSDT": {"strategy": "mean_reversion"}}}""")).containsExactlyInAnyOrder(
                "strategy_plan.defaults: is not a policy field (misspelled?)",
                "strategy_plan.symbols.btc: btc is not in the universe [BTCUSDT, ETHUSDT]; a plan for it would never "
                        + "run",
                "strategy_plan.symbols: property 'btc' name is not valid: does not match the regex pattern "
                        + "^[A-Z0-9]{2,20}$",
                "strategy_plan.symbols.BTCUSDT[0].parameters.fast: unknown parameter; known: [atr_period, "
                        + "fast_period, max_atr_fraction, min_atr_fraction, platt_a, platt_b, slow_period, stop_atr, "
                        + "target_atr]",
                "strategy_plan.symbols.ETHUSDT: object found, array expected");
    }

    @Test
    void aStoredPlanNamingAStrategyTheEngineLacksFailsToResolveNamingIt() {
        StrategyPlanSettings stored = PolicySections.installed().policyOf(policyWithPlan(
                "{\"default\": [{\"strategy\": \"every_day\"}]}")).section(StrategyPlanSection.SECTION);

        assertThatThrownBy(() -> StrategyPlanSection.resolve(stored, CATALOG))
                .isInstanceOf(StrategyPlanException.class)
                .hasMessageContaining("strategy_plan.default[0].strategy: unknown strategy every_day");
    }

    @Test
    void aStoredSectionOfTheWrongShapeIsAFieldPathError() {
        assertThatThrownBy(() -> PolicySections.installed().policyOf(policyWithPlan(
                "{\"default\": {\"strategy\": \"ma_crossover\"}}")))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("strategy_plan.default");
    }
}
