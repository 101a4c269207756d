package com.quantumtrader.core.state;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {

    @Override
    protected KeyValueStore newStore() {
        return new InMemoryKeyValueStore();
    }
}
