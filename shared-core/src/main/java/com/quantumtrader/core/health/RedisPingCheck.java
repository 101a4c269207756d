package com.quantumtrader.core.health;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.trace.Secrets;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** PING over the process's shared Lettuce connection: UP on PONG, DEGRADED when slower than a bound, else DOWN. */
public final class RedisPingCheck implements HealthCheck {

    public static final Duration DEFAULT_SLOW_ABOVE = Duration.ofMillis(100);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final StatefulRedisConnection<String, String> connection;
    private final Duration slowAbove;
    private final Duration timeout;

    public RedisPingCheck(StatefulRedisConnection<String, String> connection, Duration slowAbove, Duration timeout) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.slowAbove = Objects.requireNonNull(slowAbove, "slowAbove");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public static RedisPingCheck of(RedisConnections connections) {
        return new RedisPingCheck(connections.connection(), DEFAULT_SLOW_ABOVE, DEFAULT_TIMEOUT);
    }

    @Override
    public CheckResult check() {
        long start = System.nanoTime();
        String reply;
        try {
            reply = connection.async().ping().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return CheckResult.down("no PONG within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return CheckResult.down("ping failed: " + Secrets.maskedMessage(e.getCause() == null ? e : e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.down("ping interrupted");
        } catch (RuntimeException e) {
            return CheckResult.down("ping failed: " + Secrets.maskedMessage(e));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!"PONG".equals(reply)) {
            return CheckResult.down("unexpected reply to PING: " + reply);
        }
        String detail = String.format(Locale.ROOT, "PONG in %.1f ms", took.toNanos() / 1e6);
        return took.compareTo(slowAbove) > 0 ? CheckResult.degraded(detail + ", slower than " + slowAbove.toMillis() + " ms")
                : CheckResult.up(detail);
    }
}
