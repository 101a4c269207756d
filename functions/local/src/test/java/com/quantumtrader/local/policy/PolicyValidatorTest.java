package com.quantumtrader.local.policy;

import com.quantumtrader.core.policy.*;
import com.quantumtrader.risk.policy.*;
import com.quantumtrader.execution.policy.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {

    private static ObjectNode defaults() {
        return (ObjectNode) EventJson.tree(PolicyDefaults.load());
    }

    private static ObjectNode limits(ObjectNode policy, String mode) {
        return (ObjectNode) policy.get("limits").get(mode);
    }

    private static List<String> problemsOf(JsonNode policy) {
        return PolicyValidator.problems(policy);
    }

    @Test
    void acceptsTheShippedDefaults() {
        assertThat(problemsOf(defaults())).isEmpty();
        assertThat(PolicyValidator.validate(PolicyDefaults.load())).isEqualTo(PolicyDefaults.load());
    }

    @Test
    void listsEveryBadFieldWithItsPath() {
        ObjectNode policy = defaults();
        limits(policy, "SAFE").put("min_confidence", 1.5);
        limits(policy, "NORMAL").put("max_leverage", 126);
        limits(policy, "AGGRESSIVE").put("max_open_positions", 0);
        policy.putArray("universe").add("BTCUSDT").add("btc-usdt");
        policy.put("account_equity", 0);

        List<String> problems = problemsOf(policy);

        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("limits.SAFE.min_confidence: "))
                .anySatisfy(p -> assertThat(p).startsWith("limits.NORMAL.max_leverage: "))
                .anySatisfy(p -> assertThat(p).startsWith("limits.AGGRESSIVE.max_open_positions: "))
                .anySatisfy(p -> assertThat(p).startsWith("universe[1]: "))
                .anySatisfy(p -> assertThat(p).startsWith("account_equity: "));
        assertThatThrownBy(() -> PolicyValidator.validate(policy))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("5 problems")
                .hasMessageContaining("limits.SAFE.min_confidence")
                .hasMessageContaining("limits.NORMAL.max_leverage")
                .hasMessageContaining("universe[1]");
    }

    @Test
    void acceptsLeverageUpToTheBinanceMaximumAndRejectsAbove() {
        ObjectNode policy = defaults();
        limits(policy, "AGGRESSIVE").put("max_leverage", 125);
        assertThat(problemsOf(policy)).isEmpty();

        limits(policy, "AGGRESSIVE").put("max_leverage", new BigDecimal("125.5"));
        assertThat(problemsOf(policy)).singleElement().asString().startsWith("limits.AGGRESSIVE.max_leverage: ");

        limits(policy, "AGGRESSIVE").put("max_leverage", new BigDecimal("0.5"));
        assertThat(problemsOf(policy)).singleElement().asString().startsWith("limits.AGGRESSIVE.max_leverage: ");
    }

    @Test
    void rejectsRiskPerTradeOfZeroOrAboveTenPercent() {
        ObjectNode policy = defaults();
        limits(policy, "SAFE").put("risk_per_trade", 0);
        limits(policy, "NORMAL").put("risk_per_trade", new BigDecimal("0.1"));
        limits(policy, "AGGRESSIVE").put("risk_per_trade", new BigDecimal("0.11"));

        assertThat(problemsOf(policy)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("limits.SAFE.risk_per_trade: "))
                .anySatisfy(p -> assertThat(p).startsWith("limits.AGGRESSIVE.risk_per_trade: "));
    }

    @Test
    void rejectsMinConfidenceOutsideZeroToOne() {
        ObjectNode policy = defaults();
        limits(policy, "SAFE").put("min_confidence", -0.01);
        limits(policy, "NORMAL").put("min_confidence", 1.0);

        assertThat(problemsOf(policy)).singleElement().asString().startsWith("limits.SAFE.min_confidence: ");
    }

    @Test
    void rejectsOpenPositionsAboveOneHundredAndFractionalCounts() {
        ObjectNode policy = defaults();
        limits(policy, "SAFE").put("max_open_positions", 101);
        limits(policy, "NORMAL").put("max_open_positions", 2.5);
        limits(policy, "AGGRESSIVE").put("max_open_positions", 100);

        assertThat(problemsOf(policy)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("limits.SAFE.max_open_positions: "))
                .anySatisfy(p -> assertThat(p).startsWith("limits.NORMAL.max_open_positions: "));
    }

    @Test
    void rejectsNonPositiveNotional() {
        ObjectNode policy = defaults();
        limits(policy, "NORMAL").put("max_position_notional", -1);

        assertThat(problemsOf(policy)).singleElement().asString()
                .startsWith("limits.NORMAL.max_position_notional: ");
    }

    @Test
    void requiresLimitsForEveryRiskMode() {
        ObjectNode policy = defaults();
        ((ObjectNode) policy.get("limits")).remove("AGGRESSIVE");

        assertThat(problemsOf(policy)).containsExactly("limits.AGGRESSIVE: is missing");
    }

    @Test
    void rejectsAnUnknownRiskMode() {
        ObjectNode policy = defaults();
        policy.put("risk_mode", "YOLO");

        assertThat(problemsOf(policy)).singleElement().asString().startsWith("risk_mode: ");
    }

    @Test
    void namesAMisspelledFieldInsteadOfIgnoringIt() {
        ObjectNode policy = defaults();
        limits(policy, "NORMAL").put("max_leverge", 5);

        assertThat(problemsOf(policy)).containsExactly("limits.NORMAL.max_leverge: is not a policy field (misspelled?)");
    }

    @Test
    void requiresANonEmptyUniverseOfExchangeSymbols() {
        ObjectNode policy = defaults();
        policy.putArray("universe");
        assertThat(problemsOf(policy)).singleElement().asString().startsWith("universe: ");

        ArrayNode universe = policy.putArray("universe");
        universe.add("B").add("ETHUSDT").add("ETHUSDT").add("THISSYMBOLISWAYTOOLONG");
        assertThat(problemsOf(policy)).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("universe[0]: "))
                .anySatisfy(p -> assertThat(p).startsWith("universe[3]: "))
                .anySatisfy(p -> assertThat(p).startsWith("universe: "));
    }

    @Test
    void requiresDrawdownAlertBelowEmergencyDrawdownBelowOne() {
        ObjectNode policy = defaults();
        policy.put("drawdown_alert", new BigDecimal("0.20"));
        policy.put("emergency_drawdown", new BigDecimal("0.20"));
        assertThat(problemsOf(policy)).singleElement().asString()
                .isEqualTo("drawdown_alert: 0.20 must be below emergency_drawdown (0.20)");

        policy.put("drawdown_alert", new BigDecimal("0.10"));
        policy.put("emergency_drawdown", 1);
        assertThat(problemsOf(policy)).singleElement().asString().startsWith("emergency_drawdown: ");
    }

    @Test
    void requiresPositiveWholeCircuitBreakerSettings() {
        ObjectNode policy = defaults();
        ObjectNode breaker = (ObjectNode) policy.get("circuit_breaker");
        breaker.put("max_order_failures", 0);
        breaker.put("window_minutes", -5);
        breaker.remove("cool_off_minutes");

        assertThat(problemsOf(policy)).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("circuit_breaker.max_order_failures: "))
                .anySatisfy(p -> assertThat(p).startsWith("circuit_breaker.window_minutes: "))
                .anySatisfy(p -> assertThat(p).startsWith("circuit_breaker.cool_off_minutes: "));
    }

    @Test
    void namesEveryMissingRequiredKeyOfADocument() {
        ObjectNode incomplete = defaults();
        incomplete.remove(List.of("universe", "strategies", "drawdown_alert"));

        assertThatThrownBy(() -> PolicyValidator.validate(incomplete))
                .isInstanceOfSatisfying(PolicyValidationException.class, e -> assertThat(e.problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("universe: "))
                        .anySatisfy(p -> assertThat(p).startsWith("strategies: "))
                        .anySatisfy(p -> assertThat(p).startsWith("drawdown_alert: ")));
    }

    @Test
    void parsesAValidPolicyFile() {
        String json = EventJson.write(PolicyDefaults.load());

        assertThat(PolicyValidator.parseAndValidate(json)).isEqualTo(PolicyDefaults.load());
    }

    @Test
    void reportsWhereAPolicyFileIsNotValidJson() {
        String json = "{\n  \"risk_mode\": \"SAFE\",\n  \"limits\": {\n}";

        assertThatThrownBy(() -> PolicyValidator.parseAndValidate(json))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("not valid JSON at line 4");
    }

    @Test
    void rejectsAPolicyFileThatIsNotAnObject() {
        assertThatThrownBy(() -> PolicyValidator.parseAndValidate("[1, 2]"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void rejectsNegativeNewLimitsLeverageAbove125PerSymbolAndUnknownSymbolsWithTheirPaths() {
        ObjectNode policy = defaults();
        limits(policy, "NORMAL").put("max_gross_exposure", -1);
        limits(policy, "NORMAL").put("max_net_exposure", 0);
        limits(policy, "SAFE").put("price_collar_bps", -5);
        limits(policy, "AGGRESSIVE").put("daily_loss_limit", -0.01);
        ObjectNode symbols = policy.putObject("symbols");
        symbols.putObject("BTCUSDT").put("max_leverage", 126);
        symbols.putObject("XRPUSDT").put("tradable", false);

        List<String> problems = problemsOf(policy);

        assertThat(problems).hasSize(6)
                .anySatisfy(p -> assertThat(p).startsWith("limits.NORMAL.max_gross_exposure: "))
                .anySatisfy(p -> assertThat(p).startsWith("limits.NORMAL.max_net_exposure: "))
                .anySatisfy(p -> assertThat(p).startsWith("limits.SAFE.price_collar_bps: "))
                .anySatisfy(p -> assertThat(p).startsWith("limits.AGGRESSIVE.daily_loss_limit: "))
                .anySatisfy(p -> assertThat(p).startsWith("symbols.BTCUSDT.max_leverage: "))
                .contains("symbols.XRPUSDT: unknown symbol, not in the universe [BTCUSDT, ETHUSDT]");
    }

    @Test
    void rejectsMultipliersAboveOneAndAMinimumWindowAboveTheWindow() {
        ObjectNode policy = defaults();
        ((ObjectNode) policy.get("safety_governor")).put("degraded_model_multiplier", 1.5);
        ((ObjectNode) policy.get("circuit_breaker")).put("half_open_size_multiplier", 0);
        ((ObjectNode) policy.get("correlation")).put("min_bars", 200);

        assertThat(problemsOf(policy)).containsExactly(
                "circuit_breaker.half_open_size_multiplier: must have an exclusive minimum value of 0",
                "correlation.min_bars: 200 must not exceed correlation.window_bars (100)",
                "safety_governor.degraded_model_multiplier: must have a maximum value of 1");
    }

    @Test
    void aFirstVersionDocumentWithoutTheNewSectionsIsValidAndTakesTheDocumentedDefaults() {
        ObjectNode policy = defaults();
        for (String section : List.of("symbols", "emergency", "safety_governor", "correlation", "lifecycle",
                "execution")) {
            policy.remove(section);
        }
        ((ObjectNode) policy.get("circuit_breaker")).remove(List.of("half_open_minutes", "half_open_size_multiplier",
                "abnormal_move_sigmas"));
        ObjectNode normal = limits(policy, "NORMAL");
        normal.retain("min_confidence", "max_position_notional", "max_open_positions", "max_leverage",
                "risk_per_trade");

        Policy parsed = PolicyValidator.validate(policy);

        RiskPolicy risk = RiskPolicy.of(parsed);
        RiskLimits limits = risk.limits().get(RiskMode.NORMAL);
        assertThat(limits.maxOrderNotional()).isEqualByComparingTo("2500");
        assertThat(limits.maxGrossExposure()).isEqualByComparingTo("10000");
        assertThat(limits.maxOrdersPerMinute()).isEqualTo(10);
        assertThat(limits.priceCollarBps()).isEqualTo(100);
        assertThat(limits.sizeMultiplier()).isEqualByComparingTo("1");
        assertThat(risk.symbols()).isEmpty();
        assertThat(risk.emergency()).isEqualTo(EmergencyPolicy.DEFAULTS);
        assertThat(risk.circuitBreaker().halfOpenMinutes()).isEqualTo(60);
        assertThat(risk.lifecycle()).isEqualTo(LifecyclePolicy.DEFAULTS);
        assertThat(ExecutionPolicySection.of(parsed)).isEqualTo(ExecutionPolicy.DEFAULTS);
    }

    @Test
    void theShippedExecutionSectionIsTheDocumentedDefault() {
        assertThat(ExecutionPolicySection.of(PolicyDefaults.load())).isEqualTo(ExecutionPolicy.DEFAULTS);
    }

    @Test
    void rejectsAnExecutionSectionWhoseRecoveryMarkIsAboveItsHighMarkOrWhoseBoundsAreOff() {
        ObjectNode policy = defaults();
        ObjectNode execution = (ObjectNode) policy.get("execution");
        execution.put("slippage_high_bps", 10).put("slippage_recover_bps", 12).put("slippage_window_orders", 0)
                .put("adaptive_entry", "POST_ONLY").put("limit_offset_bps", 0);

        assertThat(problemsOf(policy)).containsExactly(
                "execution.adaptive_entry: does not have a value in the enumeration [\"OFF\", \"LIMIT_IOC\"]",
                "execution.limit_offset_bps: must have an exclusive minimum value of 0",
                "execution.slippage_recover_bps: 12 must not exceed execution.slippage_high_bps (10)",
                "execution.slippage_window_orders: must have a minimum value of 1");
    }

    @Test
    void theLargeMoveThresholdIsOptionalWithItsDocumentedDefaultAndBounded() throws Exception {
        ObjectNode withoutIt = defaults();
        ((ObjectNode) withoutIt.get("execution")).remove("large_move_bps");
        ObjectNode negative = defaults();
        ((ObjectNode) negative.get("execution")).put("large_move_bps", -1);

        assertThat(ExecutionPolicySection.of(PolicyValidator.parseAndValidate(withoutIt.toString())).largeMoveBps())
                .isEqualByComparingTo("100");
        assertThat(problemsOf(negative)).containsExactly("execution.large_move_bps: must have a minimum value of 0");
    }

    @Test
    void anExecutionSectionMustNameEveryFieldAndOnlyItsOwn() {
        ObjectNode policy = defaults();
        ((ObjectNode) policy.get("execution")).remove("slippage_recover_bps");
        ((ObjectNode) policy.get("execution")).put("slipage_high_bps", 5);

        assertThat(problemsOf(policy)).containsExactly(
                "execution.slipage_high_bps: is not a policy field (misspelled?)",
                "execution.slippage_recover_bps: is missing");
    }

    @Test
    void aSymbolOverrideCanOnlyNameItsOwnFields() {
        ObjectNode policy = defaults();
        policy.putObject("symbols").putObject("ETHUSDT").put("max_leverag", 2);

        assertThat(problemsOf(policy)).containsExactly("symbols.ETHUSDT.max_leverag: is not a policy field (misspelled?)");
    }
}
