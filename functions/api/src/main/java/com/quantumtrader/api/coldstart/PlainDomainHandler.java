package com.quantumtrader.api.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.quantumtrader.core.bus.EventBridgeEventBus;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.lambda.LambdaEnvironment;
import com.quantumtrader.core.policy.PolicyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A domain handler as a plain {@code aws-lambda-java-core} stream handler, without Spring: the yardstick the
 * Spring Cloud Function Lambdas' cold start is measured against (same jar, same handler, same Redis and
 * EventBridge wiring). {@value #HANDLER_VARIABLE} names the routing-table handler it runs.
 */
public final class PlainDomainHandler implements RequestStreamHandler {

    static final String HANDLER_VARIABLE = "QT_HANDLER";

    private final HandlerRuntime runtime;

    public PlainDomainHandler() {
        this(System.getenv());
    }

    PlainDomainHandler(Map<String, String> environment) {
        Route route = RoutingTable.standard().require(required(environment, HANDLER_VARIABLE));
        DomainModule module = ServiceLoader.load(DomainModule.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.domain() == route.domain())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no DomainModule of " + route.domain().id()
                        + " on the classpath"));
        Clock clock = Clock.systemUTC();
        RedisConnections redis = RedisConnections.connect(required(environment, LambdaEnvironment.REDIS_URL));
        DomainServices services = new DomainServices(clock, new RedisKeyValueStore(redis, route.domain()),
                PolicyStore.open(redis, clock, Duration.ofSeconds(5)));
        HandlerDefinition definition = module.handlers(services).stream()
                .filter(candidate -> candidate.name().equals(route.handler()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(module.getClass().getName() + " has no handler "
                        + route.handler()));
        EventBridgeEventBus bus = EventBridgeEventBus.withDefaultClient(
                EventBridgeEventBus.Settings.defaults(required(environment, LambdaEnvironment.EVENT_BUS_NAME)));
        runtime = new HandlerRuntime(definition,
                new RedisIdempotencyStore(redis, LambdaEnvironment.DEFAULT_LEASE_TTL, Duration.ofHours(48)),
                new EventFactory(clock, new EventIds(clock, new SecureRandom())), bus::publish);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HandlerOutcome outcome = runtime.dispatchJson(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        if (!outcome.acknowledged()) { // rejected, failed, or put off: Lambda retries, then dead-letters
            throw new IllegalStateException("handler " + outcome.status() + ": " + outcome.reason());
        }
        output.write(("{\"status\":\"" + outcome.status() + "\",\"published\":" + outcome.published().size() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value.trim();
    }
}
