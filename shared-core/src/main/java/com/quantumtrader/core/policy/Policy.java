package com.quantumtrader.core.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The one policy document (the seed's {@code PolicyConfig}): risk mode, limits per mode and per symbol, universe,
 * strategy switches, and the settings of risk's safety systems. Stored versioned in Redis by the PolicyStore;
 * every field is documented with its unit in {@code policy.schema.json}. Sections added after the first version
 * may be omitted and then take their defaults.
 *
 * @param riskMode          which limits are in force
 * @param limits            limits per risk mode; every mode must be present
 * @param universe          symbols the platform may trade
 * @param strategies        strategy id to enabled
 * @param accountEquity     equity risk sizes against until portfolio reports one, in USDT
 * @param drawdownAlert     drawdown from equity peak (fraction) that raises {@code portfolio.drawdown.high}
 * @param emergencyDrawdown drawdown from equity peak (fraction) at which the emergency stop latches
 * @param circuitBreaker    when the breaker trips, how long it stays open and half-open
 * @param symbols           per-symbol overrides; keys must be in the universe (default none)
 * @param emergency         further hard limits of the emergency stop
 * @param safetyGovernor    how degraded system or model health scales sizes
 * @param correlation       when symbols count as correlated
 * @param lifecycle         when a trade counts as stuck
 * @param execution         execution's slippage thresholds and adaptive entries
 */
public record Policy(
        RiskMode riskMode,
        Map<RiskMode, RiskLimits> limits,
        List<String> universe,
        Map<String, Boolean> strategies,
        BigDecimal accountEquity,
        BigDecimal drawdownAlert,
        BigDecimal emergencyDrawdown,
        CircuitBreakerPolicy circuitBreaker,
        Map<String, SymbolLimits> symbols,
        EmergencyPolicy emergency,
        SafetyGovernorPolicy safetyGovernor,
        CorrelationPolicy correlation,
        LifecyclePolicy lifecycle,
        ExecutionPolicy execution) {

    public Policy {
        symbols = symbols != null ? symbols : Map.of();
        emergency = emergency != null ? emergency : EmergencyPolicy.DEFAULTS;
        safetyGovernor = safetyGovernor != null ? safetyGovernor : SafetyGovernorPolicy.DEFAULTS;
        correlation = correlation != null ? correlation : CorrelationPolicy.DEFAULTS;
        lifecycle = lifecycle != null ? lifecycle : LifecyclePolicy.DEFAULTS;
        execution = execution != null ? execution : ExecutionPolicy.DEFAULTS;
    }

    /** Every section up to {@code lifecycle}; the execution section takes its default. */
    public Policy(RiskMode riskMode, Map<RiskMode, RiskLimits> limits, List<String> universe,
                  Map<String, Boolean> strategies, BigDecimal accountEquity, BigDecimal drawdownAlert,
                  BigDecimal emergencyDrawdown, CircuitBreakerPolicy circuitBreaker, Map<String, SymbolLimits> symbols,
                  EmergencyPolicy emergency, SafetyGovernorPolicy safetyGovernor, CorrelationPolicy correlation,
                  LifecyclePolicy lifecycle) {
        this(riskMode, limits, universe, strategies, accountEquity, drawdownAlert, emergencyDrawdown, circuitBreaker,
                symbols, emergency, safetyGovernor, correlation, lifecycle, null);
    }

    /** The sections of the first policy version; every later section takes its default. */
    public Policy(RiskMode riskMode, Map<RiskMode, RiskLimits> limits, List<String> universe,
                  Map<String, Boolean> strategies, BigDecimal accountEquity, BigDecimal drawdownAlert,
                  BigDecimal emergencyDrawdown, CircuitBreakerPolicy circuitBreaker) {
        this(riskMode, limits, universe, strategies, accountEquity, drawdownAlert, emergencyDrawdown, circuitBreaker,
                null, null, null, null, null, null);
    }

    /** The limits of the mode in force. */
    public RiskLimits activeLimits() {
        RiskLimits active = limits.get(riskMode);
        if (active == null) {
            throw new IllegalStateException("policy has no limits for risk mode " + riskMode);
        }
        return active;
    }

    /** The overrides of a symbol; {@link SymbolLimits#NONE} when it has none. */
    public SymbolLimits symbolLimits(String symbol) {
        return symbols.getOrDefault(symbol, SymbolLimits.NONE);
    }

    public boolean strategyEnabled(String strategyId) {
        return Boolean.TRUE.equals(strategies.get(strategyId));
    }
}
