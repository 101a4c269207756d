package com.quantumtrader.core.lambda;

import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Lambda application of the adapter test: the production auto-configuration, with the runtime pieces replaced
 * by in-memory ones and a publisher that records what the handler published.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class InMemoryPlatform {

    static final Instant NOW = Instant.parse("2024-03-01T00:01:02Z");
    static final List<BusEvent> PUBLISHED = new CopyOnWriteArrayList<>();
    static final OutageStore CORE_OS_STATE = new OutageStore();

    @Bean
    Clock testClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    DomainStateStores testStateStores() {
        return domain -> {
            if (domain != Domain.CORE_OS) {
                throw new IllegalArgumentException("this test runs core_os only, not " + domain);
            }
            return CORE_OS_STATE;
        };
    }

    @Bean
    IdempotencyStore testIdempotency() {
        return new InMemoryIdempotencyStore();
    }

    @Bean
    PolicyReader testPolicy() {
        Policy policy = PolicyDefaults.load();
        return () -> policy;
    }

    @Bean
    EventPublisher recordingPublisher() {
        return PUBLISHED::add;
    }

    /** The domain's state in memory, which a test can empty or take down (as Redis would go away). */
    static final class OutageStore implements KeyValueStore {

        private volatile InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        private volatile boolean down;

        void reset() {
            store = new InMemoryKeyValueStore();
            down = false;
        }

        void goDown() {
            down = true;
        }

        void comeBack() {
            down = false;
        }

        private InMemoryKeyValueStore available() {
            if (down) {
                throw new IllegalStateException("state store unavailable");
            }
            return store;
        }

        @Override
        public Optional<String> get(String key) {
            return available().get(key);
        }

        @Override
        public void put(String key, String value) {
            available().put(key, value);
        }

        @Override
        public void delete(String key) {
            available().delete(key);
        }

        @Override
        public long increment(String key, long delta) {
            return available().increment(key, delta);
        }

        @Override
        public Map<String, String> hashGetAll(String key) {
            return available().hashGetAll(key);
        }

        @Override
        public Optional<String> hashGet(String key, String field) {
            return available().hashGet(key, field);
        }

        @Override
        public void hashPut(String key, String field, String value) {
            available().hashPut(key, field, value);
        }

        @Override
        public void hashDelete(String key, String field) {
            available().hashDelete(key, field);
        }
    }
}
