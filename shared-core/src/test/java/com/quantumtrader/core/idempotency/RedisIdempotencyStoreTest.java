package com.quantumtrader.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisIdempotencyStoreTest extends IdempotencyStoreContract {

    private static final Duration LONG_LEASE = Duration.ofMinutes(5);
    private static final Duration DEDUPE_WINDOW = Duration.ofHours(24);

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
    protected IdempotencyStore newStore() {
        RedisTestServer.flush();
        return new RedisIdempotencyStore(connections, LONG_LEASE, DEDUPE_WINDOW);
    }

    @Test
    void aClaimIsAnInProgressLeaseUnderTheHandlersKey() {
        store.claim("risk.check_signal", "evt-1");

        String key = "idempotency:risk.check_signal:evt-1";
        assertThat(RedisIdempotencyStore.redisKey("risk.check_signal", "evt-1")).isEqualTo(key);
        assertThat(raw.sync().get(key)).startsWith("IN_PROGRESS:");
        assertThat(raw.sync().pttl(key)).isPositive().isLessThanOrEqualTo(LONG_LEASE.toMillis());
    }

    @Test
    void completionKeepsTheEventForTheDedupeWindow() {
        store.claim("risk.check_signal", "evt-1");
        store.complete("risk.check_signal", "evt-1");

        String key = "idempotency:risk.check_signal:evt-1";
        assertThat(raw.sync().get(key)).isEqualTo("DONE");
        assertThat(raw.sync().pttl(key)).isGreaterThan(LONG_LEASE.toMillis())
                .isLessThanOrEqualTo(DEDUPE_WINDOW.toMillis());
    }

    @Test
    void anExpiredLeaseOfADeadConsumerCanBeReclaimed() {
        // a consumer (its own store instance: another process) claimed and died without complete or release
        IdempotencyStore dead = new RedisIdempotencyStore(connections, Duration.ofMillis(50), DEDUPE_WINDOW);
        IdempotencyStore survivor = new RedisIdempotencyStore(connections, Duration.ofMillis(50), DEDUPE_WINDOW);
        assertThat(dead.claim("portfolio.on_fill", "evt-1")).isEqualTo(IdempotencyStore.Claim.ACQUIRED);
        assertThat(survivor.claim("portfolio.on_fill", "evt-1")).isEqualTo(IdempotencyStore.Claim.IN_PROGRESS);

        // once the lease runs out the event is free again
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        IdempotencyStore.Claim reclaimed = IdempotencyStore.Claim.IN_PROGRESS;
        while (reclaimed != IdempotencyStore.Claim.ACQUIRED && System.nanoTime() < deadline) {
            reclaimed = survivor.claim("portfolio.on_fill", "evt-1");
            Thread.onSpinWait();
        }

        assertThat(reclaimed).isEqualTo(IdempotencyStore.Claim.ACQUIRED);
    }

    @Test
    void aLeaseLeftByTheOldSingleValueFormatIsAnotherAttemptsClaim() {
        raw.sync().set("idempotency:portfolio.on_fill:evt-1", "IN_PROGRESS");

        assertThat(store.claim("portfolio.on_fill", "evt-1")).isEqualTo(IdempotencyStore.Claim.IN_PROGRESS);
    }

    @Test
    void claimStillWorksAfterRedisForgetsItsScripts() {
        store.claim("portfolio.on_fill", "evt-1");
        store.complete("portfolio.on_fill", "evt-1");
        raw.sync().scriptFlush();

        assertThat(store.claim("portfolio.on_fill", "evt-1")).isEqualTo(IdempotencyStore.Claim.COMPLETED);
    }

    @Test
    void anEventIsForgottenAfterTheDedupeWindow() {
        IdempotencyStore shortWindow = new RedisIdempotencyStore(connections, LONG_LEASE, Duration.ofMillis(50));
        shortWindow.claim("portfolio.on_fill", "evt-1");
        shortWindow.complete("portfolio.on_fill", "evt-1");

        assertThat(raw.sync().pttl("idempotency:portfolio.on_fill:evt-1")).isBetween(0L, 50L);
    }

    @Test
    void aLateReleaseDoesNotDeleteTheLeaseOfTheNextConsumer() {
        store.claim("portfolio.on_fill", "evt-1");
        raw.sync().set("idempotency:portfolio.on_fill:evt-1", "DONE");

        store.release("portfolio.on_fill", "evt-1");

        assertThat(raw.sync().get("idempotency:portfolio.on_fill:evt-1")).isEqualTo("DONE");
    }

    @Test
    void releaseStillWorksAfterRedisForgetsItsScripts() throws Exception {
        store.claim("portfolio.on_fill", "evt-1");
        raw.sync().scriptFlush();

        store.release("portfolio.on_fill", "evt-1");

        assertThat(claimOnAnotherThread("portfolio.on_fill", "evt-1")).isEqualTo(IdempotencyStore.Claim.ACQUIRED);
    }

    @Test
    void rejectsANonPositiveTtl() {
        assertThatThrownBy(() -> new RedisIdempotencyStore(connections, Duration.ZERO, DEDUPE_WINDOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseTtl");
        assertThatThrownBy(() -> new RedisIdempotencyStore(connections, LONG_LEASE, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("doneTtl");
    }
}
