package com.quantumtrader.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisKeyValueStoreTest extends KeyValueStoreContract {

    private static RedisConnections connections;
    private static StatefulRedisConnection<String, String> raw;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.connect(RedisTestServer.url());
        raw = RedisTestServer.client().connect();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        connections.close();
    }

    @Override
    protected KeyValueStore newStore() {
        RedisTestServer.flush();
        return new RedisKeyValueStore(connections, Domain.PORTFOLIO);
    }

    @Test
    void storesEveryKeyUnderTheDomainPrefix() {
        KeyValueStore portfolio = newStore();

        portfolio.put("position:BTCUSDT", "open");
        portfolio.hashPut("marks", "BTCUSDT", "65000");
        portfolio.increment("trades", 1);

        assertThat(raw.sync().keys("*")).containsExactlyInAnyOrder(
                "portfolio:position:BTCUSDT", "portfolio:marks", "portfolio:trades");
        assertThat(RedisKeyValueStore.redisKey(Domain.RISK_SAFETY, "latch")).isEqualTo("risk_safety:latch");
    }

    @Test
    void twoDomainsWithTheSameRelativeKeyDoNotSeeEachOther() {
        KeyValueStore portfolio = newStore();
        KeyValueStore risk = new RedisKeyValueStore(connections, Domain.RISK_SAFETY);

        portfolio.put("open_positions", "3");
        risk.put("open_positions", "1");
        portfolio.hashPut("state", "mode", "portfolio-owned");
        risk.delete("state");
        risk.increment("open_positions", 10);

        assertThat(portfolio.get("open_positions")).contains("3");
        assertThat(risk.get("open_positions")).contains("11");
        assertThat(portfolio.hashGet("state", "mode")).contains("portfolio-owned");
        assertThat(risk.hashGetAll("state")).isEmpty();
    }

    @Test
    void aRelativeKeyCannotEscapeTheDomainPrefix() {
        KeyValueStore risk = new RedisKeyValueStore(connections, Domain.RISK_SAFETY);
        newStore().put("secret", "portfolio's");

        risk.put("portfolio:secret", "overwritten?");

        assertThat(raw.sync().get("portfolio:secret")).isEqualTo("portfolio's");
        assertThat(raw.sync().get("risk_safety:portfolio:secret")).isEqualTo("overwritten?");
    }

    @Test
    void rejectsABlankKeyWhenBuildingTheRedisKey() {
        assertThatThrownBy(() -> RedisKeyValueStore.redisKey(Domain.PORTFOLIO, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
