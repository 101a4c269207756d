package com.quantumtrader.core.testing;

import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.lambda.DomainStateStores;
import com.quantumtrader.core.lambda.EventPublisher;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Lambda application of an {@link InMemoryLambda}: the production auto-configuration, with the runtime pieces
 * replaced by the fixture's in-memory ones. The fixture hands itself over through {@link InMemoryLambda#STARTING}
 * because the Lambda runtime builds the application from its class name alone.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class InMemoryLambdaApplication {

    private final InMemoryLambda lambda = Objects.requireNonNull(InMemoryLambda.STARTING.get(),
            "an InMemoryLambdaApplication is started by InMemoryLambda.start only");

    @Bean
    Clock testClock() {
        return Clock.fixed(InMemoryLambda.NOW, ZoneOffset.UTC);
    }

    @Bean
    DomainStateStores testStateStores() {
        return domain -> {
            if (domain != lambda.domain()) {
                throw new IllegalArgumentException("this test runs " + lambda.domain().id() + " only, not "
                        + domain.id());
            }
            return lambda.state();
        };
    }

    @Bean
    IdempotencyStore testIdempotency() {
        return new InMemoryIdempotencyStore();
    }

    @Bean
    PolicyReader testPolicy() {
        Policy policy = TestPolicies.reference();
        return () -> policy;
    }

    @Bean
    EventPublisher recordingPublisher() {
        return lambda::record;
    }
}
