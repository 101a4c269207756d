package com.quantumtrader.ai.strategy.model;

import com.quantumtrader.core.policy.Policy;
import java.util.Objects;

/**
 * A variant of the trend strategy the meta-strategy selector can choose: the strategy id its signals carry and the
 * family whose policy switch also enables it. What the variant trades differently lives in its strategy
 * ({@code ma_crossover_defensive}: a narrower volatility band).
 *
 * @param strategyId the id signals carry and the policy enables; a strategy of the catalog
 * @param family     the strategy it is a variant of; the variant is enabled with its family unless the policy
 *                   names the variant itself
 */
public record StrategyProfile(String strategyId, String family) {

    public StrategyProfile {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(family, "family");
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
