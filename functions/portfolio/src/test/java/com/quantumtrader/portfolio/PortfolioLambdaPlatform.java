package com.quantumtrader.portfolio;

import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.lambda.DomainStateStores;
import com.quantumtrader.core.lambda.EventPublisher;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The portfolio Lambda as the production auto-configuration builds it, with in-memory state, idempotency and
 * policy, and a publisher that records what the handler published.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class PortfolioLambdaPlatform {

    static final Instant NOW = Instant.parse("2024-03-01T00:01:02Z");
    static final List<BusEvent> PUBLISHED = new CopyOnWriteArrayList<>();
    static final InMemoryKeyValueStore PORTFOLIO_STATE = new InMemoryKeyValueStore();

    @Bean
    Clock testClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    DomainStateStores testStateStores() {
        return domain -> {
            if (domain != Domain.PORTFOLIO) {
                throw new IllegalArgumentException("this test runs portfolio only, not " + domain);
            }
            return PORTFOLIO_STATE;
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
}
