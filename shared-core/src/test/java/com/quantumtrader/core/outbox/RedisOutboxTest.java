package com.quantumtrader.core.outbox;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisOutboxTest extends OutboxContract {

    private static RedisConnections connections;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.connect(RedisTestServer.url());
    }

    @AfterAll
    static void disconnect() {
        connections.close();
    }

    @Override
    protected KeyValueStore newStore() {
        RedisTestServer.flush();
        return new RedisKeyValueStore(connections, Domain.EXECUTION);
    }
}
