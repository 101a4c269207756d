package com.quantumtrader.core.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Route;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.messaging.Message;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * One domain handler as a Spring Cloud Function: takes the EventBridge-to-Lambda event ({@code version}, {@code id},
 * {@code detail-type}, {@code source}, …, {@code detail} = envelope), runs it through the {@link HandlerRuntime}, and
 * returns a JSON summary. A rejected (malformed) event throws {@link MalformedEventException} and a failed handler
 * throws {@link HandlerFailedException}, so Lambda retries and finally dead-letters the delivery; so does a delivery
 * whose claim another attempt holds (only a completed one is a duplicate). An event that does
 * not match this handler's routing-table pattern is rejected too: a misrouted rule cannot make a handler act on
 * another handler's events.
 */
public final class DomainHandlerFunction implements Function<Message<String>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(DomainHandlerFunction.class);

    private final DomainModule module;
    private final Route route;
    private final ObjectProvider<LambdaEnvironment> environment;
    private final RouteGuard routeGuard;
    private volatile HandlerRuntime runtime;

    DomainHandlerFunction(DomainModule module, Route route, ObjectProvider<LambdaEnvironment> environment) {
        this.module = module;
        this.route = route;
        this.environment = environment;
        this.routeGuard = new RouteGuard(route);
    }

    @Override
    public String apply(Message<String> message) {
        Context context = message.getHeaders().get(AWSLambdaUtils.AWS_CONTEXT, Context.class);
        if (context == null) {
            return handle(message.getPayload());
        }
        // Lambda request id, function name, cold start … in every log line of this invocation
        return PowertoolsLogging.withLogging(context, () -> handle(message.getPayload()));
    }

    String handle(String lambdaEventJson) {
        JsonNode event = EventJson.readTree(lambdaEventJson); // the one parse: matched and dispatched as this tree
        routeGuard.requireRoutedHere(event);
        HandlerOutcome outcome = runtime().dispatchTree(event);
        return switch (outcome.status()) {
            case HANDLED, DUPLICATE -> summary(event, outcome);
            case REJECTED -> throw new MalformedEventException(route.handler() + " rejected the event: " + outcome.reason());
            case FAILED -> throw new HandlerFailedException(route.handler(), outcome.reason());
            // not a duplicate: fail the invocation, so Lambda retries it and finally dead-letters it
            case RETRY_LATER -> throw new HandlerFailedException(route.handler(), "retry later: " + outcome.reason());
        };
    }

    /**
     * SnapStart priming: runs the decode path of a delivery of this route (route matcher, JSON reader, envelope and
     * the event's schema validator) on an entry with an empty payload, which validation rejects before any handler,
     * store or publisher is reached, so priming has no side effect.
     */
    void prime() {
        String name = route.pattern().path("detail-type").path(0).asText();
        EventType<?> type = EventCatalog.require(name);
        ObjectNode entry = EventJson.mapper().createObjectNode();
        entry.put("version", "0").put("id", "snapstart-priming").put("detail-type", name)
                .put("source", type.producer().source()).put("account", "000000000000")
                .put("time", "2024-01-01T00:00:00Z").put("region", "us-east-1").putArray("resources");
        entry.putObject("detail").put("event_id", "01HM00000000000000PRIMING0").put("trace_id", "snapstart-priming")
                .put("occurred_at", "2024-01-01T00:00:00Z").put("producer", type.producer().id())
                .put("schema_version", type.schemaVersion()).putObject("payload");
        JsonNode delivery = EventJson.readTree(EventJson.write(entry));
        routeGuard.requireRoutedHere(delivery);
        try {
            EventValidator.decode(delivery);
        } catch (MalformedEventException expected) {
            return; // rejected by the schema, as intended
        }
        throw new IllegalStateException("priming entry of " + route.handler() + " passed validation: it must not");
    }

    /** Drops the runtime (and with it the Redis-backed stores it holds); the next invocation builds a new one. */
    synchronized void forgetRuntime() {
        runtime = null;
    }

    private HandlerRuntime runtime() {
        HandlerRuntime current = runtime;
        if (current == null) {
            synchronized (this) {
                if (runtime == null) {
                    // first invocation: connect to Redis, EventBridge … now rather than during start-up
                    runtime = environment.getObject().runtimeFor(module, route.handler());
                }
                current = runtime;
            }
        }
        return current;
    }

    private String summary(JsonNode event, HandlerOutcome outcome) {
        ObjectNode summary = EventJson.mapper().createObjectNode();
        summary.put("handler", route.handler());
        summary.put("status", outcome.status().name());
        summary.put("event_id", event.path("detail").path("event_id").asText());
        summary.put("trace_id", event.path("detail").path("trace_id").asText());
        ArrayNode published = summary.putArray("published");
        for (BusEvent out : outcome.published()) {
            published.addObject().put("event_id", out.eventId()).put("detail-type", out.name());
        }
        LOG.debug("{} {} {} published {}", route.handler(), outcome.status(), summary.path("event_id").asText(),
                outcome.published().size());
        return EventJson.write(summary);
    }
}
