package com.quantumtrader.api;

import com.quantumtrader.core.bus.EventBridgeEventBus;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.lambda.LambdaEnvironment;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The composition root of one API process: from {@code REDIS_URL} the policy store and the Redis health check,
 * from {@code EVENT_BUS_NAME} the EventBridge publisher of operator commands, and the route groups it serves.
 */
record ApiRuntime(ApiRouter router, ApiServices services) {

    static final Duration POLICY_CACHE_TTL = Duration.ofSeconds(5);

    static ApiRuntime fromEnvironment(Map<String, String> environment) {
        Set<RouteGroup> groups = FunctionUrlHandler.pinned(environment);
        Clock clock = Clock.systemUTC();
        RedisConnections redis = RedisConnections.connect(required(environment, LambdaEnvironment.REDIS_URL));
        EventBridgeEventBus bus = EventBridgeEventBus.withDefaultClient(
                EventBridgeEventBus.Settings.defaults(required(environment, LambdaEnvironment.EVENT_BUS_NAME)));
        TradingView view = new TradingView();
        ApiServices services = new ApiServices(
                PlatformChecks.register(new HealthChecker(clock), redis, view, clock),
                view,
                PolicyStore.open(redis, clock, POLICY_CACHE_TTL),
                new OperatorCommands(new EventFactory(clock, new EventIds(clock, new SecureRandom())), bus::publish));
        return new ApiRuntime(ApiRouter.serving(groups, services), services);
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value.trim();
    }
}
