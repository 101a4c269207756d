package com.quantumtrader.core.outbox;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;

class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected KeyValueStore newStore() {
        return new InMemoryKeyValueStore();
    }
}
