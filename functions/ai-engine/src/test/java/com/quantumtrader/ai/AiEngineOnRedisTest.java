package com.quantumtrader.ai;

import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AI engine's state in a real Redis: a process that restarts carries on where it stopped. */
class AiEngineOnRedisTest {

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    private static HandlerDefinition handler(List<HandlerDefinition> handlers, String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    /** ETHUSDT falling 1 a bar from 2000 with +/- 10 ranges, then 2150: the 31st bar crosses upwards. */
    private static List<MarketPriceUpdate> bars() {
        List<MarketPriceUpdate> bars = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            BigDecimal close = i < 30 ? BigDecimal.valueOf(2000 - i) : BigDecimal.valueOf(2150);
            Instant closeTime = DomainFixture.START.plus(Duration.ofHours(i + 1L));
            bars.add(new MarketPriceUpdate("ETHUSDT", "1h", closeTime.minus(Duration.ofHours(1)), closeTime, close,
                    close.add(BigDecimal.TEN), close.subtract(BigDecimal.TEN), close, BigDecimal.ONE,
                    MarketPriceUpdate.BAR_CLOSE));
        }
        return bars;
    }

    @Test
    void resumesItsBarWindowAndStrategyChoiceFromRedisAfterARestart() {
        List<MarketPriceUpdate> bars = bars();
        // given a first process that saw 30 bars and a 6 % drawdown
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            DomainFixture first = new DomainFixture(new RedisKeyValueStore(redis, Domain.AI_ENGINE));
            List<HandlerDefinition> handlers = new AiEngineDomain().handlers(first.services());
            for (MarketPriceUpdate bar : bars.subList(0, 30)) {
                assertThat(handler(handlers, "signal_orchestrator").handler()
                        .handle(first.inbound(MARKET_PRICE_UPDATE, bar))).isEmpty();
            }
            assertThat(handler(handlers, "meta_strategy_selector").handler().handle(first.inbound(
                    PORTFOLIO_PERFORMANCE, new PortfolioPerformance(DomainFixture.START, new BigDecimal("9400"),
                            new BigDecimal("10000"), new BigDecimal("0.06"), new BigDecimal("-600"),
                            BigDecimal.ZERO, BigDecimal.ONE, 0, 3, new BigDecimal("0.33"))))).hasSize(1);
        }

        // when a second process over the same Redis gets the crossing bar
        List<Emit> emitted;
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            DomainFixture second = new DomainFixture(new RedisKeyValueStore(redis, Domain.AI_ENGINE));
            emitted = handler(new AiEngineDomain().handlers(second.services()), "signal_orchestrator").handler()
                    .handle(second.inbound(MARKET_PRICE_UPDATE, bars.get(30)));
        }

        // then it signals from the 30 remembered bars, under the defensive strategy chosen before the restart
        assertThat(emitted).hasSize(1);
        SignalGenerated signal = (SignalGenerated) emitted.get(0).payload();
        assertThat(signal.side()).isEqualTo(Side.LONG);
        assertThat(signal.stopPrice()).isEqualTo(new BigDecimal("2085.86"));
        assertThat(signal.strategyId()).isEqualTo("ma_crossover_defensive");
        // and its state lives under the AI engine's key prefix
        try (var connection = RedisTestServer.client().connect()) {
            assertThat(connection.sync().exists(RedisKeyValueStore.redisKey(Domain.AI_ENGINE, "bars:ETHUSDT:1h")))
                    .isEqualTo(1L);
        }
    }
}
