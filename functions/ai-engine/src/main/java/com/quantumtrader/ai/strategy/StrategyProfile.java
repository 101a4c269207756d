package com.quantumtrader.ai.strategy;

import com.quantumtrader.core.policy.Policy;
import java.util.Objects;

/**
 * The tunable face of one strategy the orchestrator can run: its ids, the band of volatility (ATR as a fraction of
 * price) it trades in, and how much confidence a wide moving-average spread can add above the 0.5 floor.
 *
 * @param strategyId        the id signals carry and the policy enables
 * @param family            the strategy it is a variant of; the variant is enabled with its family unless the
 *                          policy names the variant itself
 * @param modelId           the model (parameter set) signals are attributed to
 * @param minAtrFraction    below this ATR / price the market is dead: no signal
 * @param maxAtrFraction    above this ATR / price the market is chaotic: no signal
 * @param maxConfidenceGain confidence = 0.5 + gain x normalised spread, so the ceiling is 0.5 + gain
 */
public record StrategyProfile(
        String strategyId,
        String family,
        String modelId,
        double minAtrFraction,
        double maxAtrFraction,
        double maxConfidenceGain) {

    public StrategyProfile {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(modelId, "modelId");
        if (!(minAtrFraction > 0 && minAtrFraction < maxAtrFraction)) {
            throw new IllegalArgumentException("volatility band must be 0 < min < max");
        }
        if (!(maxConfidenceGain > 0 && maxConfidenceGain <= 0.45)) {
            throw new IllegalArgumentException("confidence gain must be in (0, 0.45] so confidence stays <= 0.95");
        }
    }

    /** The policy names the strategy itself, or only its family, and switches it on. */
    public boolean enabledIn(Policy policy) {
        Boolean own = policy.strategies().get(strategyId);
        if (own != null) {
            return own;
        }
        return policy.strategyEnabled(family);
    }
}
