package com.quantumtrader.api.lambda;

import com.quantumtrader.api.routes.ApiRouter;
import com.quantumtrader.api.routes.ApiServices;
import com.quantumtrader.api.routes.admin.OperatorCommands;
import com.quantumtrader.api.routes.health.PlatformChecks;
import com.quantumtrader.api.routes.RouteGroup;
import com.quantumtrader.api.readmodel.TradingView;
import com.quantumtrader.core.bus.EventBridgeEventBus;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.lambda.EventPublisher;
import com.quantumtrader.core.lambda.LambdaEnvironment;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.events.Domain;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The composition root of one API process: on the Redis of {@code REDIS_URL} the policy store, the Redis health check
 * and the trading view (core OS's state, kept by the {@code trading_projection} subscriber), the publisher of operator
 * commands, and the route groups it serves. Closing it closes its Redis connections (SnapStart's checkpoint).
 */
record ApiRuntime(ApiRouter router, ApiServices services, AutoCloseable connections) implements AutoCloseable {

    static final Duration POLICY_CACHE_TTL = Duration.ofSeconds(5);

    /** The publisher is made once per process: it holds no connection worth closing at a checkpoint. */
    static EventPublisher eventBridgePublisher(Map<String, String> environment) {
        EventBridgeEventBus bus = EventBridgeEventBus.withDefaultClient(
                EventBridgeEventBus.Settings.defaults(required(environment, LambdaEnvironment.EVENT_BUS_NAME)));
        return bus::publish;
    }

    static ApiRuntime open(Set<RouteGroup> groups, String redisUrl, Clock clock, EventPublisher publisher) {
        RedisConnections redis = RedisConnections.connect(redisUrl);
        TradingView view = new TradingView(new RedisKeyValueStore(redis, Domain.CORE_OS));
        HealthChecker health = PlatformChecks.register(new HealthChecker(clock), redis, view, clock);
        PolicyStore policy = PolicyStore.open(redis, clock, POLICY_CACHE_TTL);
        ApiServices services = new ApiServices(health, view, policy,
                new OperatorCommands(new EventFactory(clock, new EventIds(clock, new SecureRandom())), publisher),
                ModelRegistries.redis(redis));
        return new ApiRuntime(ApiRouter.serving(groups, services), services, () -> {
            try {
                health.close();
                policy.close();
            } finally {
                redis.close();
            }
        });
    }

    @Override
    public void close() throws Exception {
        connections.close();
    }

    static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value.trim();
    }
}
