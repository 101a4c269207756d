package com.quantumtrader.core.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The one policy document (the seed's {@code PolicyConfig}): risk mode, limits per mode, universe and strategy
 * switches. Stored versioned in Redis by the PolicyStore; every field is documented in {@code policy.schema.json}.
 *
 * @param riskMode              which limits are in force
 * @param limits                limits per risk mode; every mode must be present
 * @param universe              symbols the platform may trade
 * @param strategies            strategy id to enabled
 * @param accountEquity         equity risk sizes against until portfolio reports one, in USDT
 * @param drawdownAlert         drawdown from equity peak (fraction) that raises {@code portfolio.drawdown.high}
 * @param emergencyDrawdown     drawdown from equity peak (fraction) at which the emergency stop latches
 * @param circuitBreaker        when order failures trip the breaker, and for how long
 */
public record Policy(
        RiskMode riskMode,
        Map<RiskMode, RiskLimits> limits,
        List<String> universe,
        Map<String, Boolean> strategies,
        BigDecimal accountEquity,
        BigDecimal drawdownAlert,
        BigDecimal emergencyDrawdown,
        CircuitBreakerPolicy circuitBreaker) {

    /** The limits of the mode in force. */
    public RiskLimits activeLimits() {
        RiskLimits active = limits.get(riskMode);
        if (active == null) {
            throw new IllegalStateException("policy has no limits for risk mode " + riskMode);
        }
        return active;
    }

    public boolean strategyEnabled(String strategyId) {
        return Boolean.TRUE.equals(strategies.get(strategyId));
    }
}
