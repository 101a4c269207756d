package com.quantumtrader.portfolio;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_CLOSED;
import static com.quantumtrader.events.OrderPurpose.TAKE_PROFIT;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.FillBuilder.exit;
import static com.quantumtrader.portfolio.PortfolioFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.Domain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Positions, marks and the drawdown memory live in Redis under portfolio's prefix and survive a new process. */
class PortfolioStateInRedisTest {

    private final SimulatedClock clock = new SimulatedClock(PortfolioFixture.START);

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    @Test
    void aNewProcessClosesThePositionOpenedByTheLastOne() {
        try (RedisConnections first = RedisConnections.connect(RedisTestServer.url())) {
            PortfolioFixture portfolio = new PortfolioFixture(clock, new RedisKeyValueStore(first, Domain.PORTFOLIO));
            portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));
            portfolio.bar("BTCUSDT", "30600"); // break-even move; peak 10000 + 60 - 1.2 = 10058.8
            portfolio.bar("BTCUSDT", "30300"); // equity 10028.8
        }

        try (RedisConnections second = RedisConnections.connect(RedisTestServer.url())) {
            PortfolioFixture portfolio = new PortfolioFixture(clock, new RedisKeyValueStore(second, Domain.PORTFOLIO));
            var performance = portfolio.performance();
            assertThat(performance.peakEquity()).isEqualByComparingTo("10058.8");
            assertThat(performance.equity()).isEqualByComparingTo("10028.8");
            assertThat(performance.drawdown()).isEqualByComparingTo("0.00298246"); // 30 / 10058.8
            assertThat(portfolio.bar("BTCUSDT", "30700")).isEmpty(); // the stop was already moved
            var closed = only(portfolio.fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1")
                    .price("31200").fee("1.248")), PORTFOLIO_POSITION_CLOSED);
            assertThat(closed.realizedPnl()).isEqualByComparingTo("117.552");
        }

        try (var redis = RedisTestServer.client().connect()) {
            assertThat(redis.sync().keys("*")).isNotEmpty().allMatch(key -> key.startsWith("portfolio:"));
        }
    }
}
