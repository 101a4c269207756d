package com.quantumtrader.core.ml.registry;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.events.Domain;

/**
 * The one Redis model registry of a deployment: learning registers and promotes (its keys, {@code learning:models:…}),
 * the AI engine, the API and the dashboard read. Bounded by {@link RegistryLimits#DEFAULT}.
 */
public final class ModelRegistries {

    private ModelRegistries() {
    }

    public static KeyValueModelRegistry redis(RedisConnections redis) {
        return new KeyValueModelRegistry(new RedisKeyValueStore(redis, Domain.LEARNING), RegistryLimits.DEFAULT);
    }
}
