package com.quantumtrader.execution.intake;

import com.quantumtrader.core.bus.EventConsumer;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.event.ruler.Machine;

/**
 * The execution handlers behind one consumer: every delivered event goes, through its {@link HandlerRuntime}
 * (validation, deduplication on {@code event_id}, trace context, publishing), to each handler whose routing-table
 * pattern matches it — the same patterns, matched by the same engine, as the EventBridge rules that fill the SQS
 * queue and the in-process bus. A source that carries all three kinds of work on one channel (the SQS queue) needs
 * this; a bus that routes by itself delivers to it just the same.
 */
public final class ExecutionCommands implements EventConsumer {

    private final Map<String, HandlerRuntime> runtimes = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final Machine machine = new Machine();

    /**
     * @param handlers  the execution domain's handlers; each must have a route in the routing table
     * @param publisher where the handlers' events go (the bus of this deployment)
     */
    public ExecutionCommands(List<HandlerDefinition> handlers, IdempotencyStore idempotency, EventFactory events,
                             Consumer<BusEvent> publisher) {
        RoutingTable table = RoutingTable.standard();
        for (HandlerDefinition handler : handlers) {
            Route route = table.require(handler.name());
            if (route.domain() != Domain.EXECUTION || handler.domain() != Domain.EXECUTION) {
                throw new IllegalArgumentException(handler.name() + " is not an execution handler");
            }
            try {
                machine.addRule(route.handler(), route.patternJson());
            } catch (Exception e) {
                throw new IllegalArgumentException("invalid pattern for " + route.handler() + ": " + e.getMessage(), e);
            }
            routes.add(route);
            runtimes.put(handler.name(), new HandlerRuntime(handler, idempotency, events, publisher));
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no execution handlers");
        }
    }

    /** The routes of the handlers behind this consumer, for sources that subscribe per route. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * The consumer of one route for a bus that routes by itself (in-process, Redis Streams): what it delivers on
     * {@code route}'s subscription goes straight to that route's handler, not through the patterns a second time.
     */
    public EventConsumer handlerOf(Route route) {
        HandlerRuntime runtime = runtimes.get(route.handler());
        if (runtime == null || !routes.contains(route)) {
            throw new IllegalArgumentException("no execution handler behind route " + route.handler());
        }
        return runtime::dispatch;
    }

    public List<HandlerRuntime> runtimes() {
        return List.copyOf(runtimes.values());
    }

    /**
     * HANDLED when every matching handler acknowledged (DUPLICATE when each had seen it already); FAILED if one failed (the source redelivers, and the
     * handlers that already succeeded see a duplicate); REJECTED if one rejected it or none subscribes to it.
     */
    @Override
    public HandlerOutcome accept(BusEvent event) {
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(EventJson.write(event));
        } catch (Exception e) {
            return HandlerOutcome.rejected("cannot route " + event.name() + ": " + e);
        }
        if (matched.isEmpty()) {
            return HandlerOutcome.rejected("no execution handler subscribes to " + event.name() + " from "
                    + event.source());
        }
        List<BusEvent> published = new ArrayList<>();
        HandlerOutcome worst = null;
        boolean allDuplicates = true;
        for (Route route : routes) {
            if (!matched.contains(route.handler())) {
                continue;
            }
            HandlerOutcome outcome = runtimes.get(route.handler()).dispatch(event);
            published.addAll(outcome.published());
            allDuplicates &= outcome.status() == HandlerOutcome.Status.DUPLICATE;
            if (!outcome.acknowledged() && (worst == null || outcome.status() == HandlerOutcome.Status.FAILED)) {
                worst = outcome;
            }
        }
        if (worst != null) {
            return worst;
        }
        return allDuplicates ? HandlerOutcome.duplicate() : HandlerOutcome.handled(published);
    }
}
