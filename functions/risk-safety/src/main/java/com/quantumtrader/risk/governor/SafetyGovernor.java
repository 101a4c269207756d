package com.quantumtrader.risk.governor;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.risk.safety.BreakerPhase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Combines the risk mode, system health ({@code os.self_healing.triggered}) and model health
 * ({@code ai.model.degraded}) into one sizing multiplier, or a block. Each report holds for the policy's
 * {@code health_hold_minutes} from its arrival; a report about the exchange blocks entries while it holds.
 */
public final class SafetyGovernor {

    /** The component name under which a report blocks entries instead of scaling them. */
    public static final String EXCHANGE = "exchange";

    private final KeyValueStore state;

    public SafetyGovernor(KeyValueStore state) {
        this.state = state;
    }

    /**
     * The governor's verdict for a signal.
     *
     * @param multiplier factor on the size (1 = unchanged); zero when blocked
     * @param reasons    every factor in force, readable (e.g. {@code model m1 degraded x0.5})
     */
    public record Verdict(BigDecimal multiplier, boolean blocked, List<String> reasons) {
    }

    void reportSystem(String component, String issue, Instant at) {
        state.hashPut("health", component, at.toString() + "|" + issue);
    }

    void reportModel(String modelId, Instant at) {
        state.hashPut("model_health", modelId, at.toString());
    }

    public Verdict decide(Policy policy, String modelId, BreakerPhase breaker, Instant now) {
        Duration hold = Duration.ofMinutes(RiskPolicy.of(policy).safetyGovernor().healthHoldMinutes());
        BigDecimal multiplier = RiskPolicy.of(policy).activeLimits().sizeMultiplier();
        List<String> reasons = new ArrayList<>();
        if (multiplier.compareTo(BigDecimal.ONE) < 0) {
            reasons.add("risk mode " + policy.riskMode() + " x" + multiplier.toPlainString());
        }
        boolean blocked = false;
        for (var entry : state.hashGetAll("health").entrySet()) {
            String[] report = entry.getValue().split("\\|", 2);
            if (!now.isBefore(Instant.parse(report[0]).plus(hold))) {
                continue;
            }
            if (entry.getKey().equals(EXCHANGE)) {
                blocked = true;
                reasons.add("exchange unhealthy: " + report[1]);
            } else {
                multiplier = multiplier.multiply(RiskPolicy.of(policy).safetyGovernor().degradedSystemMultiplier());
                reasons.add(entry.getKey() + " degraded x"
                        + RiskPolicy.of(policy).safetyGovernor().degradedSystemMultiplier().toPlainString());
            }
        }
        Optional<Instant> degradedAt = modelId == null ? Optional.empty()
                : state.hashGet("model_health", modelId).map(Instant::parse);
        if (degradedAt.isPresent() && now.isBefore(degradedAt.get().plus(hold))) {
            multiplier = multiplier.multiply(RiskPolicy.of(policy).safetyGovernor().degradedModelMultiplier());
            reasons.add("model " + modelId + " degraded x"
                    + RiskPolicy.of(policy).safetyGovernor().degradedModelMultiplier().toPlainString());
        }
        if (breaker == BreakerPhase.HALF_OPEN) {
            multiplier = multiplier.multiply(RiskPolicy.of(policy).circuitBreaker().halfOpenSizeMultiplier());
            reasons.add("circuit breaker half-open x" + RiskPolicy.of(policy).circuitBreaker().halfOpenSizeMultiplier().toPlainString());
        }
        if (multiplier.signum() <= 0) {
            blocked = true;
        }
        return new Verdict(blocked ? BigDecimal.ZERO : multiplier, blocked, List.copyOf(reasons));
    }
}
