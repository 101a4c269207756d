package com.quantumtrader.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisPingCheckTest {

    @Test
    void isUpWhenRedisAnswersPong() {
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            CheckResult result = RedisPingCheck.of(redis).check();

            assertThat(result.status()).isEqualTo(HealthStatus.UP);
            assertThat(result.detail()).matches("PONG in \\d+\\.\\d ms");
        }
    }

    @Test
    void isDegradedWhenThePongIsSlowerThanTheBound() {
        try (StatefulRedisConnection<String, String> connection = RedisTestServer.client().connect()) {
            CheckResult result = new RedisPingCheck(connection, Duration.ZERO, Duration.ofSeconds(1)).check();

            assertThat(result.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(result.detail()).contains("slower than 0 ms");
        }
    }

    @Test
    void isDownWhenTheConnectionIsGone() {
        StatefulRedisConnection<String, String> connection = RedisTestServer.client().connect();
        connection.close();

        CheckResult result = new RedisPingCheck(connection, RedisPingCheck.DEFAULT_SLOW_ABOVE, Duration.ofSeconds(1)).check();

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).startsWith("ping failed: ");
    }

    @Test
    void healthCheckerReportsRedisUpThroughThePingCheck() {
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url());
             HealthChecker checker = new HealthChecker(Clock.systemUTC())) {
            checker.register("redis", RedisPingCheck.of(redis));

            HealthReport report = checker.report();

            assertThat(report.status()).isEqualTo(HealthStatus.UP);
            assertThat(report.check("redis").detail()).startsWith("PONG");
        }
    }
}
