package com.quantumtrader.core.lambda;

import com.quantumtrader.core.bus.EventBridgeEventBus;
import com.quantumtrader.core.idempotency.IdempotencyRetention;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.events.RoutingTable;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.FunctionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Turns the domain modules on the classpath into Spring Cloud Function beans, one per handler and one per periodic
 * job, and provides what their runtime needs from the environment: the system clock, Redis ({@code REDIS_URL}) for
 * state, idempotency and policy, and EventBridge ({@code EVENT_BUS_NAME}) for publishing. Every piece is lazy (nothing connects before the
 * first invocation) and yields to a bean of the same type that the application (or a test) defines.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "quantum.lambda.domain-functions.enabled", matchIfMissing = true)
public class DomainFunctionsAutoConfiguration {

    @Bean
    static DomainFunctionRegistrar domainFunctionRegistrar() {
        return new DomainFunctionRegistrar(RoutingTable.standard());
    }

    /**
     * Puts the handler functions into the function catalog once the context is up, so the invoker's lookup finds
     * them at once instead of first missing them in the catalog (and logging a warning on every cold start).
     */
    @Bean
    SmartInitializingSingleton domainFunctionCatalogEntries(ListableBeanFactory beans,
                                                            ObjectProvider<FunctionRegistry> catalog) {
        return () -> catalog.ifAvailable(registry -> {
            for (FunctionRegistration<?> registration : beans.getBeansOfType(FunctionRegistration.class).values()) {
                if (registration.getTarget() instanceof DomainHandlerFunction
                        || registration.getTarget() instanceof PeriodicJobFunction) {
                    registry.register(registration);
                }
            }
        });
    }

    /** SnapStart: prime before the checkpoint, close Redis before it and reopen it after the restore. */
    @Bean
    static DomainFunctionSnapStart domainFunctionSnapStart(ConfigurableListableBeanFactory beans,
                                                           Environment environment) {
        return new DomainFunctionSnapStart((DefaultListableBeanFactory) beans, environment);
    }

    @Bean
    LambdaEnvironment lambdaEnvironment(ObjectProvider<Clock> clock, ObjectProvider<DomainStateStores> state,
                                        ObjectProvider<IdempotencyStore> idempotency, ObjectProvider<PolicyReader> policy,
                                        ObjectProvider<EventPublisher> publisher) {
        return new LambdaEnvironment(clock, state, idempotency, policy, publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock platformClock() {
        return Clock.systemUTC();
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    RedisConnections redisConnections(Environment environment) {
        return RedisConnections.connect(required(environment, LambdaEnvironment.REDIS_URL,
                "the Redis server of state, idempotency and policy"));
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    DomainStateStores domainStateStores(ObjectProvider<RedisConnections> redis) {
        return domain -> new RedisKeyValueStore(redis.getObject(), domain);
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    IdempotencyStore idempotencyStore(RedisConnections redis, Environment environment) {
        return new RedisIdempotencyStore(redis, LambdaEnvironment.requireLeaseBeforeRetry(
                environment.getProperty("quantum.idempotency.lease-ttl", Duration.class, LambdaEnvironment.DEFAULT_LEASE_TTL)),
                IdempotencyRetention.requireWithinBounds(IdempotencyRetention.PROPERTY, environment.getProperty(
                        IdempotencyRetention.PROPERTY, Duration.class, LambdaEnvironment.DEFAULT_DONE_TTL)));
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean(PolicyReader.class)
    PolicyStore policyStore(RedisConnections redis, Clock clock, Environment environment) {
        return PolicyStore.open(redis, clock, environment.getProperty("quantum.policy.cache-ttl", Duration.class,
                LambdaEnvironment.DEFAULT_POLICY_CACHE_TTL));
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    EventPublisher eventBridgePublisher(Environment environment) {
        String busName = required(environment, LambdaEnvironment.EVENT_BUS_NAME, "the EventBridge bus to publish on");
        return new BusPublisher(EventBridgeEventBus.withDefaultClient(EventBridgeEventBus.Settings.defaults(busName)));
    }

    private static String required(Environment environment, String name, String what) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: it names " + what);
        }
        return value.trim();
    }
}
