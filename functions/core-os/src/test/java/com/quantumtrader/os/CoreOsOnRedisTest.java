package com.quantumtrader.os;

import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.RegimeChanged;
import com.quantumtrader.core.testing.DomainFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core OS's state in a real Redis: a process that restarts carries on where it stopped. */
class CoreOsOnRedisTest {

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    private static EventHandler regimeDetector(DomainFixture fixture) {
        return new CoreOsDomain().handlers(fixture.services()).stream()
                .filter(h -> h.name().equals("regime_detector"))
                .map(HandlerDefinition::handler).findFirst().orElseThrow();
    }

    private static MarketPriceUpdate bar(int index) {
        BigDecimal close = BigDecimal.valueOf(1000 + 10L * index);
        Instant closeTime = DomainFixture.START.plus(Duration.ofHours(index + 1L));
        return new MarketPriceUpdate("BTCUSDT", "1h", closeTime.minus(Duration.ofHours(1)), closeTime, close, close,
                close, close, BigDecimal.ONE, MarketPriceUpdate.BAR_CLOSE);
    }

    @Test
    void resumesItsRegimeWindowFromRedisAfterARestart() {
        // given a first process that saw 48 closes rising 10 a bar
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            DomainFixture first = new DomainFixture(new RedisKeyValueStore(redis, Domain.CORE_OS));
            EventHandler detector = regimeDetector(first);
            for (int i = 0; i < 48; i++) {
                assertThat(detector.handle(first.inbound(MARKET_PRICE_UPDATE, bar(i)))).isEmpty();
            }
        }

        // when a second process over the same Redis gets the 49th
        List<Emit> emitted;
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            DomainFixture second = new DomainFixture(new RedisKeyValueStore(redis, Domain.CORE_OS));
            emitted = regimeDetector(second).handle(second.inbound(MARKET_PRICE_UPDATE, bar(48)));
        }

        // then its window is complete: the first regime is published
        assertThat(emitted).extracting(Emit::payload)
                .containsExactly(new RegimeChanged("BTCUSDT", null, "TRENDING_UP", 0.000936, 1.0));
    }
}
