package com.quantumtrader.core.idempotency;

import com.quantumtrader.core.redis.LuaScript;
import com.quantumtrader.core.redis.RedisConnections;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;

/**
 * Dedupe in Redis, shared by every JVM and Lambda that runs a handler. A claim is {@code SET NX} with a lease, so a
 * consumer that dies mid-event does not block the event forever; success keeps the key as {@code DONE} for the
 * dedupe window; release after a failure deletes the key only while it is still this kind of lease, never a
 * {@code DONE} marker.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";

    private static final LuaScript RELEASE_IF_IN_PROGRESS = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final RedisCommands<String, String> redis;
    private final SetArgs claimArgs;
    private final SetArgs doneArgs;

    /**
     * @param leaseTtl how long a claim blocks redeliveries while its handler runs; longer than the slowest handler
     * @param doneTtl  how long a handled event is remembered; longer than the bus's redelivery window
     */
    public RedisIdempotencyStore(RedisConnections connections, Duration leaseTtl, Duration doneTtl) {
        this.redis = Objects.requireNonNull(connections, "connections").connection().sync();
        this.claimArgs = SetArgs.Builder.nx().px(requirePositive(leaseTtl, "leaseTtl"));
        this.doneArgs = SetArgs.Builder.px(requirePositive(doneTtl, "doneTtl"));
    }

    /** The Redis key of one handler's claim on one event. */
    public static String redisKey(String handler, String eventId) {
        return "idempotency:" + requireText(handler, "handler") + ':' + requireText(eventId, "eventId");
    }

    @Override
    public boolean claim(String handler, String eventId) {
        return "OK".equals(redis.set(redisKey(handler, eventId), IN_PROGRESS, claimArgs));
    }

    @Override
    public void complete(String handler, String eventId) {
        redis.set(redisKey(handler, eventId), DONE, doneArgs);
    }

    @Override
    public void release(String handler, String eventId) {
        RELEASE_IF_IN_PROGRESS.<Long>run(redis, ScriptOutputType.INTEGER,
                new String[] {redisKey(handler, eventId)}, IN_PROGRESS);
    }

    private static Duration requirePositive(Duration ttl, String name) {
        Objects.requireNonNull(ttl, name);
        if (ttl.toMillis() <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + ttl);
        }
        return ttl;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }
}
