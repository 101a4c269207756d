package com.quantumtrader.core.idempotency;

import com.quantumtrader.core.redis.LuaScript;
import com.quantumtrader.core.redis.RedisConnections;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Dedupe in Redis, shared by every JVM and Lambda that runs a handler. A claim is a lease naming its claimant
 * ({@code IN_PROGRESS:<store instance>:<thread>}), so a consumer that dies mid-event blocks the event only until the
 * lease expires, and a claimant whose own earlier attempt failed half-way (a command timed out after the claim
 * reached the server) takes its claim over at once. Success keeps the key as {@code DONE} for the dedupe window;
 * release after a failure deletes the key only while it is still this claimant's lease, never a {@code DONE} marker
 * nor another attempt's lease.
 *
 * <p>The lease must end before the bus delivers the event again (Redis Streams: its {@code minIdle}; Lambda: the
 * first asynchronous retry), or the redelivery of a dead attempt finds the lease still held and is put off again.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";

    /** ARGV: this claimant's lease value, lease in ms. */
    private static final LuaScript CLAIM = new LuaScript("""
            local held = redis.call('GET', KEYS[1])
            if held == 'DONE' then
              return 'COMPLETED'
            end
            if held and held ~= ARGV[1] then
              return 'IN_PROGRESS'
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 'ACQUIRED'
            """);

    private static final LuaScript RELEASE_IF_MINE = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    /** Tells this store's claims from those of other processes (and of other stores in this one). */
    private final String instance = UUID.randomUUID().toString();

    private final RedisCommands<String, String> redis;
    private final Duration leaseTtl;
    private final String leaseMillis;
    private final SetArgs doneArgs;

    /**
     * @param leaseTtl how long a claim blocks redeliveries while its handler runs; longer than the slowest handler
     * @param doneTtl  how long a handled event is remembered; longer than the bus's redelivery window
     */
    public RedisIdempotencyStore(RedisConnections connections, Duration leaseTtl, Duration doneTtl) {
        this.redis = Objects.requireNonNull(connections, "connections").connection().sync();
        this.leaseTtl = requirePositive(leaseTtl, "leaseTtl");
        this.leaseMillis = Long.toString(leaseTtl.toMillis());
        this.doneArgs = SetArgs.Builder.px(requirePositive(doneTtl, "doneTtl"));
    }

    /** The Redis key of one handler's claim on one event. */
    public static String redisKey(String handler, String eventId) {
        return "idempotency:" + requireText(handler, "handler") + ':' + requireText(eventId, "eventId");
    }

    /** How long a claim blocks redeliveries of its event unless completed or released. */
    public Duration leaseTtl() {
        return leaseTtl;
    }

    @Override
    public Claim claim(String handler, String eventId) {
        String found = CLAIM.run(redis, ScriptOutputType.VALUE, new String[] {redisKey(handler, eventId)},
                myLease(), leaseMillis);
        return Claim.valueOf(found);
    }

    @Override
    public void complete(String handler, String eventId) {
        redis.set(redisKey(handler, eventId), DONE, doneArgs);
    }

    @Override
    public void release(String handler, String eventId) {
        RELEASE_IF_MINE.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {redisKey(handler, eventId)},
                myLease());
    }

    /** Claims of one thread of this store are sequential, so a lease of its own that it meets again is over. */
    private String myLease() {
        return IN_PROGRESS + ':' + instance + ':' + Thread.currentThread().getId();
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
