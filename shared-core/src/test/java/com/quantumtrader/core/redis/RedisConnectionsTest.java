package com.quantumtrader.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.testing.RedisTestServer;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisConnectionsTest {

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    @Test
    void connectsToAStandaloneServerByUrl() {
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            redis.connection().sync().set("greeting", "hello");

            assertThat(redis.connection().sync().get("greeting")).isEqualTo("hello");
            assertThat(redis.url()).isEqualTo(RedisTestServer.url());
            assertThat(redis.embedded()).isFalse();
        }
    }

    @Test
    void usesTheDatabaseNamedInTheUrl() {
        try (RedisConnections db3 = RedisConnections.connect(RedisTestServer.url() + "/3");
                RedisConnections db0 = RedisConnections.connect(RedisTestServer.url())) {
            db3.connection().sync().set("only-in-3", "x");

            assertThat(db0.connection().sync().exists("only-in-3")).isZero();
            assertThat(db3.connection().sync().exists("only-in-3")).isOne();
            assertThat(db3.url()).endsWith("/3");
        }
    }

    @Test
    void sharesOneConnectionSafelyAcrossThreads() throws Exception {
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < 250; i++) {
                            redis.connection().sync().incr("counter");
                        }
                    }));
                }
                for (Future<?> result : results) {
                    result.get();
                }
            } finally {
                pool.shutdown();
            }

            assertThat(redis.connection().sync().get("counter")).isEqualTo("2000");
        }
    }

    @Test
    void authenticatesWithThePasswordOfTheUrlAndNeverShowsIt() {
        try (EmbeddedRedis secured = EmbeddedRedis.start()) {
            RedisClient admin = RedisClient.create(secured.url());
            try (var connection = admin.connect()) {
                connection.sync().configSet("requirepass", "s3cr3t-pw");
            } finally {
                admin.shutdown();
            }
            String url = "redis://:s3cr3t-pw@127.0.0.1:" + secured.port() + "/2";

            try (RedisConnections redis = RedisConnections.connect(url)) {
                assertThat(redis.connection().sync().ping()).isEqualTo("PONG");
                assertThat(redis.url()).isEqualTo("redis://:***@127.0.0.1:" + secured.port() + "/2");
                assertThat(redis.toString()).doesNotContain("s3cr3t-pw");
            }
            assertThatThrownBy(() -> RedisConnections.connect("redis://:wrong-pw@127.0.0.1:" + secured.port()))
                    .isInstanceOf(RedisUnavailableException.class)
                    .hasMessageContaining("redis://:***@127.0.0.1:" + secured.port())
                    .hasMessageNotContaining("wrong-pw");
        }
    }

    @Test
    void failsFastWithTheMaskedUrlWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> RedisConnections.connect("redis://app:hunter2@127.0.0.1:" + closedPort))
                .isInstanceOf(RedisUnavailableException.class)
                .hasMessageStartingWith("cannot connect to Redis at redis://app:***@127.0.0.1:" + closedPort)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void masksThePasswordOfTlsUrlsWithUserAndDatabase() {
        assertThat(RedisConnections.mask(RedisConnections.parse("rediss://app:p%40ss@cache.example.com:6380/4")))
                .isEqualTo("rediss://app:***@cache.example.com:6380/4");
        assertThat(RedisConnections.mask(RedisConnections.parse("redis://cache.example.com")))
                .isEqualTo("redis://cache.example.com:6379");
    }

    @Test
    void rejectsUrlsThatAreNotStandaloneRedis() {
        assertThatThrownBy(() -> RedisConnections.connect("redis-sentinel://:pw@host:26379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis:// or rediss://")
                .hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> RedisConnections.connect("localhost:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis:// or rediss://");
    }

    @Test
    void usesRedisUrlFromTheEnvironmentWhenSet() {
        Map<String, String> environment = Map.of("REDIS_URL", RedisTestServer.url());

        try (RedisConnections redis = RedisConnections.fromEnvironmentOrEmbedded(environment::get)) {
            redis.connection().sync().set("from-env", "yes");

            assertThat(redis.embedded()).isFalse();
            try (var observer = RedisTestServer.client().connect()) {
                assertThat(observer.sync().get("from-env")).isEqualTo("yes");
            }
        }
    }

    @Test
    void startsAndOwnsAnEmbeddedServerWhenRedisUrlIsUnset() {
        Map<String, String> environment = Map.of("REDIS_URL", " ");
        String url;
        try (RedisConnections redis = RedisConnections.fromEnvironmentOrEmbedded(environment::get)) {
            url = redis.url();
            assertThat(redis.embedded()).isTrue();
            assertThat(url).isNotEqualTo(RedisTestServer.url());
            assertThat(redis.connection().sync().ping()).isEqualTo("PONG");
        }

        assertThatThrownBy(() -> RedisConnections.connect(url))
                .as("closing stops the embedded server it started")
                .isInstanceOf(RedisUnavailableException.class);
    }
}
