package com.quantumtrader.core.testing;

import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventType;
import java.time.Clock;
import java.util.SplittableRandom;

/** Builds real events (valid envelopes, ids from the clock) from payload records, for handler tests. */
public final class TestEvents {

    private final EventFactory factory;

    public TestEvents(Clock clock) {
        this.factory = new EventFactory(clock, new EventIds(clock, new SplittableRandom(20250101L)));
    }

    public <T extends Record> BusEvent event(EventType<T> type, T payload) {
        return factory.create(type, payload, factory.newTraceId());
    }

    public <T extends Record> BusEvent event(EventType<T> type, T payload, String traceId) {
        return factory.create(type, payload, traceId);
    }

    public <T extends Record> InboundEvent inbound(EventType<T> type, T payload) {
        return new InboundEvent(event(type, payload));
    }

    public EventFactory factory() {
        return factory;
    }
}
