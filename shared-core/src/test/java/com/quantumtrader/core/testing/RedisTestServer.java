package com.quantumtrader.core.testing;

import com.quantumtrader.core.redis.EmbeddedRedis;
import io.lettuce.core.RedisClient;

/**
 * One embedded Redis per test JVM, started on first use and stopped at exit. Tests isolate themselves by key
 * prefix or by {@link #flush()} in their setup.
 */
public final class RedisTestServer {

    private static EmbeddedRedis redis;
    private static RedisClient client;

    private RedisTestServer() {
    }

    public static synchronized String url() {
        if (redis == null) {
            redis = EmbeddedRedis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (client != null) {
                    client.shutdown();
                }
                redis.close();
            }));
        }
        return redis.url();
    }

    /** A client to the shared server, for assertions on raw Redis state. */
    public static synchronized RedisClient client() {
        if (client == null) {
            client = RedisClient.create(url());
        }
        return client;
    }

    public static void flush() {
        try (var connection = client().connect()) {
            connection.sync().flushall();
        }
    }
}
