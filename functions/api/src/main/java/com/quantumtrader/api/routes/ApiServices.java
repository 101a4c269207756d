package com.quantumtrader.api.routes;

import com.quantumtrader.api.routes.admin.OperatorCommands;
import com.quantumtrader.api.readmodel.TradingView;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.KeyValueModelRegistry;
import com.quantumtrader.core.ml.registry.RegistryLimits;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import java.util.Objects;

/**
 * What the routes use: the health checker, the trading view, the policy store, the operator commands and the model
 * registry.
 */
public record ApiServices(HealthChecker health, TradingView trading, PolicyStore policy, OperatorCommands commands,
                   ModelRegistry models) {

    public ApiServices {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(trading, "trading");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(models, "models");
    }

    /** Without a model registry: {@code /models} lists nothing (tests of the other routes). */
    public ApiServices(HealthChecker health, TradingView trading, PolicyStore policy, OperatorCommands commands) {
        this(health, trading, policy, commands,
                new KeyValueModelRegistry(new InMemoryKeyValueStore(), RegistryLimits.DEFAULT));
    }
}
