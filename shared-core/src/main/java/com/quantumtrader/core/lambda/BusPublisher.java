package com.quantumtrader.core.lambda;

import com.quantumtrader.core.bus.EventBus;
import com.quantumtrader.events.BusEvent;

/** Publishes through an event bus and closes it with the application context. */
record BusPublisher(EventBus bus) implements EventPublisher, AutoCloseable {

    @Override
    public void publish(BusEvent event) {
        bus.publish(event);
    }

    @Override
    public void close() {
        bus.close();
    }
}
