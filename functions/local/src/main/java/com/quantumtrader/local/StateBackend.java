package com.quantumtrader.local;

import com.quantumtrader.core.idempotency.IdempotencyRetention;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.events.Domain;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the platform keeps state, dedupe and policy. Paper trading uses Redis (what production uses); a backtest
 * keeps everything in memory behind the same interfaces, so the handlers cannot tell the two apart.
 */
interface StateBackend extends AutoCloseable {

    KeyValueStore state(Domain domain);

    /** @param clock the platform's clock, by which an in-memory store expires completed events like Redis would */
    IdempotencyStore idempotency(Clock clock);

    PolicyReader policy();

    /** The Redis side, for the local API (which edits the policy in the store); empty in memory. */
    Optional<RedisState> redis();

    String describe();

    @Override
    void close();

    /**
     * Redis (embedded unless a URL is given) with the policy store; an optional policy replaces the stored one. The
     * policy's universe may name the perpetuals of the run's instrument data.
     */
    static RedisState redis(Optional<String> url, Optional<Policy> initialPolicy, InstrumentCatalog instruments) {
        return new RedisState(url, initialPolicy, instruments);
    }

    /** Everything in memory; the policy is fixed for the whole run. */
    static StateBackend inMemory(Policy policy) {
        return new InMemoryState(policy);
    }

    final class RedisState implements StateBackend {

        private static final Duration IDEMPOTENCY_LEASE = Duration.ofMinutes(5);
        private static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(2);
        private static final Duration POLICY_CACHE_TTL = Duration.ofSeconds(5);

        private final RedisConnections connections;
        private final PolicyStore policy;
        private final RedisIdempotencyStore idempotency;

        private RedisState(Optional<String> url, Optional<Policy> initialPolicy, InstrumentCatalog instruments) {
            this.connections = url.map(RedisConnections::connect).orElseGet(RedisConnections::fromEnvironmentOrEmbedded);
            // Policy changes by an operator happen in wall time, whatever clock the market runs on.
            this.policy = PolicyStore.open(connections, Clock.systemUTC(), POLICY_CACHE_TTL, null,
                    instruments.perpetualSymbols());
            initialPolicy.ifPresent(p -> policy.update(p, policy.document().version(), "quantum-local --policy"));
            this.idempotency = new RedisIdempotencyStore(connections, IDEMPOTENCY_LEASE,
                    IdempotencyRetention.fromEnvironment(System.getenv()));
        }

        @Override
        public KeyValueStore state(Domain domain) {
            return new RedisKeyValueStore(connections, domain);
        }

        @Override
        public IdempotencyStore idempotency(Clock clock) {
            return idempotency;
        }

        @Override
        public PolicyStore policy() {
            return policy;
        }

        RedisConnections connections() {
            return connections;
        }

        @Override
        public Optional<RedisState> redis() {
            return Optional.of(this);
        }

        @Override
        public String describe() {
            return "redis " + connections.url();
        }

        @Override
        public void close() {
            policy.close();
            connections.close();
        }
    }

    final class InMemoryState implements StateBackend {

        private final Policy policy;
        private IdempotencyStore idempotency;
        // one store per domain, like the per-domain key prefixes in Redis
        private final Map<Domain, KeyValueStore> stores = new EnumMap<>(Domain.class);

        private InMemoryState(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        @Override
        public KeyValueStore state(Domain domain) {
            return stores.computeIfAbsent(domain, d -> new InMemoryKeyValueStore());
        }

        @Override
        public synchronized IdempotencyStore idempotency(Clock clock) {
            if (idempotency == null) {
                idempotency = new InMemoryIdempotencyStore(clock, RedisState.IDEMPOTENCY_WINDOW);
            }
            return idempotency;
        }

        @Override
        public PolicyReader policy() {
            return () -> policy;
        }

        @Override
        public Optional<RedisState> redis() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "in memory";
        }

        @Override
        public void close() {
            stores.clear();
        }
    }
}
