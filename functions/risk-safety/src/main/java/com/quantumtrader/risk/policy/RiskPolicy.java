package com.quantumtrader.risk.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.RiskMode;
import java.util.Map;

/**
 * Risk's typed view of the policy: its own section plus the shared risk mode that picks the limits in force.
 *
 * @param riskMode       which limits are in force (shared key, read only)
 * @param limits         limits per risk mode; every mode present
 * @param circuitBreaker when the breaker trips, how long it stays open and half-open
 * @param symbols        per-symbol overrides; keys are in the universe
 * @param emergency      further hard limits of the emergency stop
 * @param safetyGovernor how degraded system or model health scales sizes
 * @param correlation    when symbols count as correlated
 * @param lifecycle      when a trade counts as stuck
 */
public record RiskPolicy(
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) RiskMode riskMode,
        Map<RiskMode, RiskLimits> limits,
        CircuitBreakerPolicy circuitBreaker,
        Map<String, SymbolLimits> symbols,
        EmergencyPolicy emergency,
        SafetyGovernorPolicy safetyGovernor,
        CorrelationPolicy correlation,
        LifecyclePolicy lifecycle) {

    public RiskPolicy {
        symbols = symbols != null ? symbols : Map.of();
        emergency = emergency != null ? emergency : EmergencyPolicy.DEFAULTS;
        safetyGovernor = safetyGovernor != null ? safetyGovernor : SafetyGovernorPolicy.DEFAULTS;
        correlation = correlation != null ? correlation : CorrelationPolicy.DEFAULTS;
        lifecycle = lifecycle != null ? lifecycle : LifecyclePolicy.DEFAULTS;
    }

    /** Risk's view of a policy (cached per policy version). */
    public static RiskPolicy of(Policy policy) {
        return policy.section(RiskPolicySection.SECTION);
    }

    /** The limits of the mode in force. */
    @JsonIgnore
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
}
