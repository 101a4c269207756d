package com.quantumtrader.risk.model.governor;

import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Combines the risk mode, system health ({@code os.self_healing.triggered}) and model health
 * ({@code ai.model.degraded}) into one sizing multiplier, or a block. Each report holds for the policy's
 * {@code health_hold_minutes} from its arrival; a report about the exchange blocks entries while it holds.
 */
public final class SafetyGovernor {

    /** The component name under which a report blocks entries instead of scaling them. */
    public static final String EXCHANGE = "exchange";

    private SafetyGovernor() {
    }

    /**
     * The governor's verdict for a signal.
     *
     * @param multiplier factor on the size (1 = unchanged); zero when blocked
     * @param reasons    every factor in force, readable (e.g. {@code model m1 degraded x0.5})
     */
    public record Verdict(BigDecimal multiplier, boolean blocked, List<String> reasons) {
    }

    /** The verdict for a signal of {@code modelId} (null: any model) given the reports in force at {@code now}. */
    public static Verdict decide(Policy policy, HealthReports reports, String modelId, BreakerPhase breaker,
                                 Instant now) {
        RiskPolicy risk = RiskPolicy.of(policy);
        Duration hold = Duration.ofMinutes(risk.safetyGovernor().healthHoldMinutes());
        BigDecimal multiplier = risk.activeLimits().sizeMultiplier();
        List<String> reasons = new ArrayList<>();
        if (multiplier.compareTo(BigDecimal.ONE) < 0) {
            reasons.add("risk mode " + policy.riskMode() + " x" + multiplier.toPlainString());
        }
        boolean blocked = false;
        for (Map.Entry<String, HealthReports.SystemReport> entry : reports.systems().entrySet()) {
            if (!now.isBefore(entry.getValue().at().plus(hold))) {
                continue;
            }
            if (entry.getKey().equals(EXCHANGE)) {
                blocked = true;
                reasons.add("exchange unhealthy: " + entry.getValue().issue());
            } else {
                multiplier = multiplier.multiply(risk.safetyGovernor().degradedSystemMultiplier());
                reasons.add(entry.getKey() + " degraded x"
                        + risk.safetyGovernor().degradedSystemMultiplier().toPlainString());
            }
        }
        if (modelId != null && reports.modelDegradedAt().isPresent()
                && now.isBefore(reports.modelDegradedAt().get().plus(hold))) {
            multiplier = multiplier.multiply(risk.safetyGovernor().degradedModelMultiplier());
            reasons.add("model " + modelId + " degraded x"
                    + risk.safetyGovernor().degradedModelMultiplier().toPlainString());
        }
        if (breaker == BreakerPhase.HALF_OPEN) {
            multiplier = multiplier.multiply(risk.circuitBreaker().halfOpenSizeMultiplier());
            reasons.add("circuit breaker half-open x" + risk.circuitBreaker().halfOpenSizeMultiplier().toPlainString());
        }
        if (multiplier.signum() <= 0) {
            blocked = true;
        }
        return new Verdict(blocked ? BigDecimal.ZERO : multiplier, blocked, List.copyOf(reasons));
    }
}
