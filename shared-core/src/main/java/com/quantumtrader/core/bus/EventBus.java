package com.quantumtrader.core.bus;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.Route;

/**
 * The seed's EventBus: {@code publish(name, payload)} and {@code subscribe(name, handler)}, routed by the routing
 * table's EventBridge patterns. Three backends: in-process (local runtime, backtests), Redis Streams (self-hosted)
 * and EventBridge (AWS, publish side; EventBridge rules deliver to the Lambdas).
 */
public interface EventBus extends AutoCloseable {

    void publish(BusEvent event);

    default void publish(String name, EventEnvelope envelope) {
        publish(BusEvent.of(name, envelope));
    }

    /** Delivers every event matching the route's pattern to the consumer, at least once. */
    Subscription subscribe(Route route, EventConsumer consumer);

    @Override
    void close();
}
