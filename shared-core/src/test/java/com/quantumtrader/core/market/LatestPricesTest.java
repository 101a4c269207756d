package com.quantumtrader.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The latest prices, in a real Redis and in memory: the same behaviour. */
class LatestPricesTest {

    private static final Instant T = Instant.parse("2025-01-06T12:00:00Z");
    private static RedisConnections redis;

    @BeforeAll
    static void connect() {
        redis = RedisConnections.connect(RedisTestServer.url());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    static Stream<LatestPrices> stores() {
        RedisTestServer.flush();
        return Stream.of(new RedisLatestPrices(redis), new InMemoryLatestPrices());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void lastMarkAndBookAreKeptSideBySideEachWithItsTime(LatestPrices prices) {
        prices.recordLast("BTCUSDT", new BigDecimal("61200.1"), T);
        prices.recordMark("BTCUSDT", new BigDecimal("61201.55"), T.plusSeconds(1));
        prices.recordBook("BTCUSDT", new BigDecimal("61200.0"), new BigDecimal("61200.1"), T.plusSeconds(2));
        prices.recordLast("BTCUSDT", new BigDecimal("61210.0"), T.plusSeconds(3));

        assertThat(prices.get("BTCUSDT")).contains(new LatestPrice("BTCUSDT", new BigDecimal("61210.0"),
                T.plusSeconds(3), new BigDecimal("61201.55"), T.plusSeconds(1), new BigDecimal("61200.0"),
                new BigDecimal("61200.1"), T.plusSeconds(2)));
        assertThat(prices.get("ETHUSDT")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void refusesPricesThatCannotBeAndKeepsWhatItHad(LatestPrices prices) {
        prices.recordLast("BTCUSDT", new BigDecimal("61200.1"), T);

        assertThatIllegalArgumentException().isThrownBy(() -> prices.recordLast("BTCUSDT", BigDecimal.ZERO, T));
        assertThatIllegalArgumentException().isThrownBy(() -> prices.recordMark("BTCUSDT", null, T));
        assertThatIllegalArgumentException().isThrownBy(() -> prices.recordBook("BTCUSDT", new BigDecimal("61200.2"),
                new BigDecimal("61200.1"), T)).withMessageContaining("below the bid");
        assertThatIllegalArgumentException().isThrownBy(() -> prices.recordLast(" ", BigDecimal.ONE, T));

        assertThat(prices.get("BTCUSDT").orElseThrow().last()).isEqualByComparingTo("61200.1");
        assertThat(prices.get("BTCUSDT").orElseThrow().bid()).isNull();
    }

    @Test
    void redisKeepsThemOutsideEveryDomainsPrefixForAnyReader() {
        RedisTestServer.flush();
        new RedisLatestPrices(redis).recordLast("ETHUSDT", new BigDecimal("3300.5"), T);

        try (var connection = RedisTestServer.client().connect()) {
            assertThat(connection.sync().hgetall("market:prices:ETHUSDT"))
                    .containsEntry("last", "3300.5").containsEntry("last_at", Long.toString(T.toEpochMilli()));
        }
        assertThat(new RedisLatestPrices(redis).get("ETHUSDT").orElseThrow().last()).isEqualByComparingTo("3300.5");
    }
}
