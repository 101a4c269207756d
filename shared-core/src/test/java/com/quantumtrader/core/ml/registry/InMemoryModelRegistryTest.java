package com.quantumtrader.core.ml.registry;

import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.state.InMemoryKeyValueStore;

class InMemoryModelRegistryTest extends ModelRegistryContract {

    @Override
    protected ModelRegistry newRegistry() {
        return new KeyValueModelRegistry(new InMemoryKeyValueStore(), RegistryLimits.DEFAULT);
    }
}
