package com.quantumtrader.core.testing;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One domain's world for a test: a simulated clock, the domain's state, a replaceable policy, and real envelopes
 * built by the platform's EventFactory around payload records.
 */
public final class DomainFixture {

    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(START);
    private final KeyValueStore state;
    private final EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(42)));
    private Policy policy = TestPolicies.reference();

    public DomainFixture() {
        this(new InMemoryKeyValueStore());
    }

    /** Over a given state store, e.g. the domain's keys in a real Redis. */
    public DomainFixture(KeyValueStore state) {
        this.state = state;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public KeyValueStore state() {
        return state;
    }

    public DomainServices services() {
        return new DomainServices(clock, state, () -> policy);
    }

    public Policy policy() {
        return policy;
    }

    public void policy(Policy replacement) {
        policy = replacement;
    }

    public void universe(List<String> symbols) {
        policy = policy.with("universe", symbols);
    }

    public void strategies(Map<String, Boolean> strategies) {
        policy = policy.with("strategies", strategies);
    }

    /** An event as another domain would publish it now, in a trace of its own. */
    public <T extends Record> BusEvent busEvent(EventType<T> type, T payload) {
        return events.create(type, payload, events.newTraceId());
    }

    public <T extends Record> InboundEvent inbound(EventType<T> type, T payload) {
        return new InboundEvent(busEvent(type, payload));
    }

    /** The handler behind the platform's runtime (validation, dedupe on event id), publishing into {@code sink}. */
    public HandlerRuntime runtime(HandlerDefinition definition, Consumer<BusEvent> sink) {
        return new HandlerRuntime(definition, new InMemoryIdempotencyStore(), events, sink);
    }

    /** Every key and hash of the state, for before/after comparisons. */
    public Map<String, String> snapshot(List<String> keys) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String key : keys) {
            state.get(key).ifPresent(v -> out.put(key, v));
            state.hashGetAll(key).forEach((f, v) -> out.put(key + "#" + f, v));
        }
        return out;
    }
}
