package com.quantumtrader.ai.store;

import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import java.util.Optional;

/** The deployment's model registry (learning's keys) on the same Redis as the AI engine's state, when that is Redis. */
public final class DeploymentModels {

    private DeploymentModels() {
    }

    public static Optional<ModelRegistry> besideState(KeyValueStore state) {
        return state instanceof RedisKeyValueStore redis
                ? Optional.of(ModelRegistries.redis(redis.connections()))
                : Optional.empty();
    }
}
