package com.quantumtrader.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.redis.LuaScript;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.events.EventJson;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy of the whole platform (the seed's PolicyStore v2): one versioned JSON document in Redis.
 *
 * <p>Reads ({@link #current()}) come from an in-process cache: a volatile reference, re-read from Redis when a
 * writer in any JVM announces a change on the {@value #CHANNEL} channel, or at the latest after the cache TTL (the
 * fallback for a missed message). Writes are validated first ({@link PolicyValidator}), then applied in one Lua
 * script that checks the expected version, stores the next version, appends the audit entry and announces the
 * change, so a stale writer gets a {@link PolicyConflictException} and nothing is half-written.
 *
 * <p>An empty Redis is seeded from the snapshot file when one is given and exists, otherwise from
 * {@link PolicyDefaults}. With a snapshot file, the store rewrites it on open, after each of its writes and on
 * close, so the next start on an empty Redis resumes from the last policy this process saw.
 */
public final class PolicyStore implements PolicyReader, AutoCloseable {

    public static final String DOCUMENT_KEY = "policy:document";
    public static final String AUDIT_KEY = "policy:audit";
    public static final String CHANNEL = "policy:changed";
    /** Audit entries kept; older ones are trimmed. */
    public static final int AUDIT_CAPACITY = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);
    private static final int RESTORE_ATTEMPTS = 3;

    // KEYS: document, audit. ARGV: expected version, document, audit entry, audit capacity, channel, message.
    // Returns {1, new version} or {0, current version} (0 when there is no document).
    private static final LuaScript WRITE = new LuaScript("""
            local stored = redis.call('GET', KEYS[1])
            local version = 0
            if stored then version = tonumber(cjson.decode(stored)['version']) end
            if version ~= tonumber(ARGV[1]) then return {0, version} end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('LPUSH', KEYS[2], ARGV[3])
            redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
            redis.call('PUBLISH', ARGV[5], ARGV[6])
            return {1, version + 1}
            """);

    // KEYS: document, audit. ARGV: document, audit entry, audit capacity, channel, message.
    // Returns the stored document: the existing one, or the seed when there was none.
    private static final LuaScript SEED = new LuaScript("""
            local stored = redis.call('GET', KEYS[1])
            if stored then return stored end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('LPUSH', KEYS[2], ARGV[2])
            redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
            redis.call('PUBLISH', ARGV[4], ARGV[5])
            return ARGV[1]
            """);

    private final RedisCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final Clock clock;
    private final long cacheTtlMillis;
    private final Path snapshotFile;
    /** The contracts a universe may name: the instrument data this deployment trades with. */
    private final Set<String> knownSymbols;
    /** Bumped by every announced change (or a resubscription): a cache filled before the bump is stale. */
    private final AtomicLong invalidations = new AtomicLong();
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicBoolean subscribedBefore = new AtomicBoolean();
    /** Serialises this store's Redis reads and writes with its cache updates, so an older read never overwrites a
     *  newer write in the cache. Cached reads take no lock. */
    private final Object lock = new Object();
    private volatile Cached cached;

    private record Cached(PolicyDocument document, long invalidationsSeen, long expiresAtMillis) {
    }

    private PolicyStore(RedisConnections connections, Clock clock, Duration cacheTtl, Path snapshotFile,
                        Set<String> knownSymbols) {
        this.knownSymbols = Set.copyOf(knownSymbols);
        this.redis = connections.connection().sync();
        this.clock = clock;
        this.cacheTtlMillis = cacheTtl.toMillis();
        this.snapshotFile = snapshotFile;
        this.subscription = connections.client().connectPubSub();
    }

    /** Opens the store; an empty Redis is seeded from {@link PolicyDefaults}. */
    public static PolicyStore open(RedisConnections connections, Clock clock, Duration cacheTtl) {
        return open(connections, clock, cacheTtl, null);
    }

    /**
     * Opens the store with a snapshot file: an empty Redis is seeded from it when it exists (an invalid snapshot
     * fails the open rather than silently falling back to defaults), and it is kept up to date.
     *
     * @param cacheTtl how long a cached policy is trusted without a change message; measured on {@code clock}
     */
    public static PolicyStore open(RedisConnections connections, Clock clock, Duration cacheTtl, Path snapshotFile) {
        return open(connections, clock, cacheTtl, snapshotFile, KnownSymbols.shipped());
    }

    /**
     * As {@link #open(RedisConnections, Clock, Duration, Path)} for a deployment trading other instrument data
     * (e.g. a local run's {@code --exchange-info}): its universe may name exactly {@code knownSymbols}.
     */
    public static PolicyStore open(RedisConnections connections, Clock clock, Duration cacheTtl, Path snapshotFile,
                                   Set<String> knownSymbols) {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(knownSymbols, "knownSymbols");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (cacheTtl.toMillis() <= 0) {
            throw new IllegalArgumentException("cacheTtl must be at least 1 ms, got " + cacheTtl);
        }
        PolicyStore store = new PolicyStore(connections, clock, cacheTtl, snapshotFile, knownSymbols);
        try {
            store.subscribe();
            PolicyDocument document = store.document();
            store.writeSnapshotFile();
            LOG.info("policy store open on {}: version {} (risk mode {}, updated by {})", connections.url(),
                    document.version(), document.policy().riskMode(), document.updatedBy());
            return store;
        } catch (RuntimeException e) {
            store.subscription.close();
            throw e;
        }
    }

    private void subscribe() {
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                // runs on Lettuce's event loop: only mark the cache stale, the next read re-reads. Own writes are
                // already in the cache.
                if (CHANNEL.equals(channel) && !message.endsWith(' ' + instanceId)) {
                    invalidations.incrementAndGet();
                }
            }

            @Override
            public void subscribed(String channel, long count) {
                // a resubscription after a reconnect: announcements may have been missed meanwhile. (The first
                // subscription precedes the initial read, so it misses nothing.)
                if (subscribedBefore.getAndSet(true)) {
                    invalidations.incrementAndGet();
                }
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    /** The policy in force, from the cache; re-read from Redis only after a change or the TTL. */
    @Override
    public Policy current() {
        Cached snapshot = cached;
        if (snapshot.invalidationsSeen() != invalidations.get() || clock.millis() >= snapshot.expiresAtMillis()) {
            snapshot = reload();
        }
        return snapshot.document().policy();
    }

    /** The stored document, read from Redis now (use its version as the expected version of a write). */
    public PolicyDocument document() {
        synchronized (lock) {
            long seen = invalidations.get();
            PolicyDocument document = loadOrSeed();
            cache(document, seen);
            return document;
        }
    }

    /**
     * Replaces the policy.
     *
     * @throws PolicyValidationException when the policy is invalid (nothing written)
     * @throws PolicyConflictException   when {@code expectedVersion} is not the stored version (nothing written)
     */
    public PolicyDocument update(Policy newPolicy, long expectedVersion, String actor) {
        return write(PolicyValidator.validate(newPolicy, knownSymbols), expectedVersion, requireActor(actor), "update");
    }

    /**
     * Applies an RFC 7386 JSON merge patch to the stored policy, e.g. {@code {"risk_mode":"SAFE"}} or
     * {@code {"limits":{"NORMAL":{"min_confidence":0.6}}}}; a {@code null} member removes a field, which
     * validation then reports if the field is required.
     */
    public PolicyDocument patch(JsonNode mergePatch, long expectedVersion, String actor) {
        if (mergePatch == null || !mergePatch.isObject()) {
            throw new PolicyValidationException(List.of("(patch): a merge patch of the policy must be a JSON object"));
        }
        requireActor(actor);
        PolicyDocument stored = loadOrSeed();
        if (stored.version() != expectedVersion) {
            throw new PolicyConflictException(expectedVersion, stored.version());
        }
        Policy patched = PolicyValidator.validate(JsonMergePatch.apply(EventJson.tree(stored.policy()), mergePatch),
                knownSymbols);
        return write(patched, expectedVersion, actor, "patch");
    }

    /** The newest audit entries first, at most {@code limit} (1..{@value #AUDIT_CAPACITY}). */
    public List<PolicyAudit> history(int limit) {
        if (limit < 1 || limit > AUDIT_CAPACITY) {
            throw new IllegalArgumentException("history limit must be 1.." + AUDIT_CAPACITY + ", got " + limit);
        }
        List<PolicyAudit> entries = new ArrayList<>();
        for (String json : redis.lrange(AUDIT_KEY, 0, limit - 1L)) {
            entries.add(EventJson.read(json, PolicyAudit.class));
        }
        return List.copyOf(entries);
    }

    /** The stored document as pretty-printed JSON: the format {@link #restore} and the snapshot file use. */
    public String snapshotJson() {
        return toPrettyJson(document());
    }

    /**
     * Makes the policy of a snapshot (a document from {@link #snapshotJson()}, or a bare policy) the current one,
     * as a new version with its own audit entry. Validated like any write.
     */
    public PolicyDocument restore(String snapshotJson, String actor) {
        Objects.requireNonNull(snapshotJson, "snapshotJson");
        Policy policy = policyOfSnapshot(snapshotJson);
        requireActor(actor);
        PolicyConflictException lastConflict = null;
        for (int attempt = 0; attempt < RESTORE_ATTEMPTS; attempt++) {
            try {
                return write(policy, loadOrSeed().version(), actor, "restore");
            } catch (PolicyConflictException e) {
                lastConflict = e; // a concurrent writer: a restore overrides it, so retry on the new version
            }
        }
        throw lastConflict;
    }

    @Override
    public void close() {
        try {
            writeSnapshotFile();
        } finally {
            subscription.close();
        }
    }

    private PolicyDocument write(Policy policy, long expectedVersion, String actor, String reason) {
        synchronized (lock) {
            return writeLocked(policy, expectedVersion, actor, reason);
        }
    }

    private PolicyDocument writeLocked(Policy policy, long expectedVersion, String actor, String reason) {
        long seen = invalidations.get();
        PolicyDocument stored = loadOrSeed();
        if (stored.version() != expectedVersion) {
            throw new PolicyConflictException(expectedVersion, stored.version());
        }
        Instant now = clock.instant();
        PolicyDocument next = new PolicyDocument(expectedVersion + 1, policy, now, actor);
        List<PolicyChange> changes = PolicyDiff.between(EventJson.tree(stored.policy()), EventJson.tree(policy));
        PolicyAudit audit = new PolicyAudit(expectedVersion, next.version(), actor, now, reason, changes);
        List<Long> result = WRITE.run(redis, ScriptOutputType.MULTI, new String[] {DOCUMENT_KEY, AUDIT_KEY},
                Long.toString(expectedVersion), EventJson.write(next), EventJson.write(audit),
                Integer.toString(AUDIT_CAPACITY), CHANNEL, next.version() + " " + instanceId);
        if (result.get(0) != 1L) {
            throw new PolicyConflictException(expectedVersion, result.get(1));
        }
        cache(next, seen);
        writeSnapshotFile();
        LOG.info("policy {} by {}: version {} -> {}, changed {}", reason, actor, expectedVersion, next.version(),
                changes.stream().map(PolicyChange::path).toList());
        return next;
    }

    private Cached reload() {
        synchronized (lock) {
            Cached snapshot = cached;
            long seen = invalidations.get();
            if (snapshot.invalidationsSeen() == seen && clock.millis() < snapshot.expiresAtMillis()) {
                return snapshot; // another thread re-read it while this one waited
            }
            try {
                return cache(loadOrSeed(), seen);
            } catch (RedisException e) {
                // keep deciding on the last known policy rather than failing every decision while Redis is away
                LOG.warn("cannot re-read the policy from Redis, keeping version {} for another {} ms: {}",
                        snapshot.document().version(), cacheTtlMillis, e.toString());
                return cache(snapshot.document(), seen);
            }
        }
    }

    private Cached cache(PolicyDocument document, long invalidationsSeen) {
        Cached fresh = new Cached(document, invalidationsSeen, clock.millis() + cacheTtlMillis);
        cached = fresh;
        return fresh;
    }

    /** The stored document; when there is none (a new or flushed Redis), seeds it atomically first. */
    private PolicyDocument loadOrSeed() {
        String stored = redis.get(DOCUMENT_KEY);
        if (stored != null) {
            return EventJson.read(stored, PolicyDocument.class);
        }
        Instant now = clock.instant();
        PolicyDocument seed;
        String reason;
        if (snapshotFile != null && Files.exists(snapshotFile)) {
            PolicyDocument snapshot = readSnapshotFile();
            seed = new PolicyDocument(snapshot.version(), snapshot.policy(), now, "system:seed-from-snapshot");
            reason = "seed from snapshot " + snapshotFile.getFileName();
        } else {
            seed = new PolicyDocument(1, PolicyValidator.validate(PolicyDefaults.load()), now, "system:seed-defaults");
            reason = "seed from defaults";
        }
        PolicyAudit audit = new PolicyAudit(0, seed.version(), seed.updatedBy(), now, reason, List.of());
        String seedJson = EventJson.write(seed);
        String winner = SEED.run(redis, ScriptOutputType.VALUE, new String[] {DOCUMENT_KEY, AUDIT_KEY},
                seedJson, EventJson.write(audit), Integer.toString(AUDIT_CAPACITY), CHANNEL,
                seed.version() + " " + instanceId);
        if (winner.equals(seedJson)) {
            LOG.info("policy store was empty: {}, version {}", reason, seed.version());
        }
        return EventJson.read(winner, PolicyDocument.class);
    }

    /** The snapshot's policy and version; who wrote it and when are replaced by the seeding. */
    private PolicyDocument readSnapshotFile() {
        String json;
        try {
            json = Files.readString(snapshotFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy snapshot " + snapshotFile, e);
        }
        JsonNode tree = snapshotTree(json);
        Policy policy = PolicyValidator.validate(tree.has("policy") ? tree.get("policy") : tree, knownSymbols);
        long version = tree.path("version").canConvertToLong() && tree.path("version").asLong() >= 1
                ? tree.path("version").asLong() : 1;
        return new PolicyDocument(version, policy, clock.instant(), "system:seed-from-snapshot");
    }

    private Policy policyOfSnapshot(String snapshotJson) {
        JsonNode tree = snapshotTree(snapshotJson);
        return PolicyValidator.validate(tree.has("policy") ? tree.get("policy") : tree, knownSymbols);
    }

    private static JsonNode snapshotTree(String json) {
        JsonNode tree = PolicyValidator.readStrictly(json, "(snapshot)");
        if (!tree.isObject()) {
            throw new PolicyValidationException(List.of("(snapshot): a policy snapshot must be a JSON object"));
        }
        return tree;
    }

    private void writeSnapshotFile() {
        if (snapshotFile == null || cached == null) {
            return;
        }
        try {
            Path absolute = snapshotFile.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.writeString(temporary, toPrettyJson(cached.document()), StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Redis holds the policy; a stale snapshot file only matters if Redis is later emptied
            LOG.warn("cannot write policy snapshot {}: {}", snapshotFile, e.toString());
        }
    }

    private static String toPrettyJson(PolicyDocument document) {
        try {
            return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a policy write must name its actor");
        }
        return actor;
    }
}
