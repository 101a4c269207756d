package com.quantumtrader.api.lambda;

import com.quantumtrader.api.readmodel.TradingProjection;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.lambda.HandlerFailedException;
import com.quantumtrader.core.lambda.LambdaEnvironment;
import com.quantumtrader.core.lambda.RouteGuard;
import com.quantumtrader.core.lambda.SnapStartHooks;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value TradingProjection#HANDLER} Lambda: takes the EventBridge-to-Lambda event of its rule and folds it into
 * the trading view in Redis ({@code REDIS_URL}), deduplicated on {@code event_id} by the same idempotency store as
 * every domain handler. A plain {@code aws-lambda-java-core} handler, like the function URLs. An event its route
 * does not select, or one that fails its schema, throws (Lambda retries, then dead-letters it); it publishes nothing.
 */
public final class TradingProjectionHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TradingProjectionHandler.class);

    private final Route route = RoutingTable.standard().require(TradingProjection.HANDLER);
    private final RouteGuard routeGuard = new RouteGuard(route);
    private final Reopenable<Projection> projection;

    /** What one delivery runs on; closing it closes the Redis connections. */
    record Projection(HandlerRuntime runtime, RedisConnections redis) implements AutoCloseable {

        static Projection open(String redisUrl, Clock clock) {
            RedisConnections redis = RedisConnections.connect(redisUrl);
            HandlerRuntime runtime = new HandlerRuntime(
                    TradingProjection.definition(new RedisKeyValueStore(redis, RoutingTable.standard()
                            .require(TradingProjection.HANDLER).domain())),
                    new RedisIdempotencyStore(redis, LambdaEnvironment.DEFAULT_LEASE_TTL, Duration.ofHours(48)),
                    new EventFactory(clock, new EventIds(clock, new SecureRandom())),
                    published -> {
                        throw new IllegalStateException("the trading projection publishes nothing");
                    });
            return new Projection(runtime, redis);
        }

        @Override
        public void close() {
            redis.close();
        }
    }

    /** The Lambda runtime's constructor: connects to {@code REDIS_URL} and registers the SnapStart hooks. */
    public TradingProjectionHandler() {
        this(ApiRuntime.required(System.getenv(), LambdaEnvironment.REDIS_URL), Clock.systemUTC());
        hooks().register();
    }

    TradingProjectionHandler(String redisUrl, Clock clock) {
        this.projection = new Reopenable<>(() -> Projection.open(redisUrl, clock));
        projection.get();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(handle(new String(input.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    String handle(String lambdaEventJson) {
        JsonNode event;
        try {
            event = EventJson.readTree(lambdaEventJson);
        } catch (RuntimeException e) {
            throw new MalformedEventException(route.handler() + " rejected the event: not JSON: " + e.getMessage());
        }
        routeGuard.requireRoutedHere(event);
        HandlerOutcome outcome = projection.get().runtime().dispatchTree(event);
        return switch (outcome.status()) {
            case HANDLED, DUPLICATE -> {
                ObjectNode summary = EventJson.mapper().createObjectNode();
                summary.put("handler", route.handler());
                summary.put("status", outcome.status().name());
                summary.put("event_id", event.path("detail").path("event_id").asText());
                yield EventJson.write(summary);
            }
            case REJECTED -> throw new MalformedEventException(route.handler() + " rejected the event: "
                    + outcome.reason());
            case FAILED -> throw new HandlerFailedException(route.handler(), outcome.reason());
            case RETRY_LATER -> throw new HandlerFailedException(route.handler(), "retry later: " + outcome.reason());
        };
    }

    /** SnapStart's hooks of this function (registered by the Lambda constructor; tests call them directly). */
    SnapStartHooks hooks() {
        return new SnapStartHooks(route.handler(), this::prime, projection::close, projection::reopen);
    }

    boolean connected() {
        return projection.isOpen();
    }

    private void prime() {
        routeGuard.prime(EventJson.readTree("{\"source\":\"quantum.portfolio\",\"detail-type\":\"trade.closed\"}"));
        HandlerOutcome outcome = TradingProjection.prime();
        if (outcome.status() != HandlerOutcome.Status.HANDLED) {
            throw new IllegalStateException("priming " + route.handler() + " ended " + outcome.status() + ": "
                    + outcome.reason());
        }
    }
}
