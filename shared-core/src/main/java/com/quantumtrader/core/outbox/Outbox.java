package com.quantumtrader.core.outbox;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.StateWrite;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A transactional outbox over a domain's store. The domain writes its state through {@link #state()} and hands its
 * events to {@link #add}; {@link #commit()} writes both in one atomic store operation (a Lua script on Redis), so
 * after a crash either the state change and its events are durable together or neither is. The relay,
 * {@link #publish}, gives each pending event its id, records it, publishes it and removes it; what a crash left
 * behind is published by the next call (on start, and at every later one), under the id it was first given, so
 * consumers' idempotency on {@code event_id} drops a second copy: exactly one effect.
 *
 * <p>Pending events are kept in the hash {@code outbox:pending} of the domain's store, one field per event, in
 * commit order. Not thread-safe: a domain's engine serialises its calls.
 */
public final class Outbox {

    static final String PENDING = "outbox:pending";
    static final String NEXT = "outbox:next";

    private final KeyValueStore store;
    private final Domain domain;
    private final StagedState staged;
    private final List<Emit> emits = new ArrayList<>();
    /** This process's committed emits by field, so the relay need not decode what it has in hand. */
    private final Map<String, Emit> committed = new HashMap<>();
    /**
     * Events a publish call further up this thread's stack is publishing. The in-process bus delivers while it is
     * published to, so a subscriber may call back into the domain, whose own publish must then publish only its own
     * events, as a handler's runtime would, and leave the outer call's to it, in their order.
     */
    private final java.util.Set<String> claimed = new java.util.HashSet<>();
    private long next = -1;

    /** @param store the domain's durable store; it must {@link KeyValueStore#writeAtomically write atomically} */
    public Outbox(KeyValueStore store, Domain domain) {
        this.store = Objects.requireNonNull(store, "store");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.staged = new StagedState(store);
    }

    /** The domain's state as the domain must write it: staged until the next {@link #commit()}. */
    public KeyValueStore state() {
        return staged;
    }

    /** Stages an event; it is written with the state at the next {@link #commit()}. */
    public void add(Emit emit) {
        Objects.requireNonNull(emit, "emit");
        if (emit.type().producer() != domain) {
            throw new IllegalArgumentException(domain.id() + " may not publish " + emit.type().name()
                    + " (owned by " + emit.type().producer().id() + ")");
        }
        emits.add(emit);
    }

    /**
     * Writes the staged state and events in one atomic operation; nothing when nothing is staged. Must run before
     * every effect outside the store (an exchange call), so the store never lags behind what the world saw. If the
     * write fails, what was staged is dropped (the store keeps the last committed state) and the failure thrown.
     */
    public void commit() {
        if (staged.isEmpty() && emits.isEmpty()) {
            return;
        }
        List<StateWrite> writes = new ArrayList<>(staged.writes());
        long sequence = nextSequence();
        Map<String, Emit> entries = new HashMap<>();
        for (Emit emit : emits) {
            String field = field(sequence++);
            writes.add(new StateWrite.HashPut(PENDING, field, OutboxEntry.of(emit)));
            entries.put(field, emit);
        }
        if (!emits.isEmpty()) {
            writes.add(new StateWrite.Put(NEXT, Long.toString(sequence)));
        }
        try {
            store.writeAtomically(writes);
        } catch (RuntimeException e) {
            staged.clear();
            emits.clear();
            next = -1;
            throw e;
        }
        staged.clear();
        emits.clear();
        committed.putAll(entries);
        next = sequence;
    }

    /** Drops what was staged since the last commit (the step failed before anything left the process). */
    public void rollback() {
        staged.clear();
        emits.clear();
    }

    /** How many committed events wait to be published. */
    public int pending() {
        return store.hashGetAll(PENDING).size();
    }

    /**
     * The relay: commits what is staged, then publishes every pending event in commit order. An event without an
     * id yet gets one from {@code events} (an emit without a trace joins {@code defaultTrace}, asked once per call
     * and only if needed), is validated and recorded with its id, then published and removed. If publishing
     * fails, the event stays (with its id) for the next call and the failure is thrown.
     *
     * @return how many events were published
     */
    public int publish(EventFactory events, Consumer<BusEvent> publisher, Supplier<String> defaultTrace) {
        commit();
        Map<String, OutboxEntry> pending = new java.util.LinkedHashMap<>(store.hashGetAllJson(PENDING, OutboxEntry.class));
        pending.keySet().removeAll(claimed);
        claimed.addAll(pending.keySet());
        String trace = null;
        int published = 0;
        try {
            for (Map.Entry<String, OutboxEntry> waiting : pending.entrySet()) {
                String field = waiting.getKey();
                OutboxEntry entry = waiting.getValue();
                BusEvent event;
                if (entry.event() != null) {
                    event = BusEvent.of(entry.name(), entry.event());
                } else {
                    Emit emit = committed.containsKey(field) ? committed.get(field) : entry.emit();
                    if (emit.traceId() == null && trace == null) {
                        trace = Objects.requireNonNull(defaultTrace.get(), "default trace");
                    }
                    event = events.create(emit, trace);
                    try {
                        EventValidator.validate(event);
                    } catch (MalformedEventException e) {
                        throw new IllegalStateException(domain.id() + " produced an invalid event: " + e.getMessage(), e);
                    }
                    store.hashPutJson(PENDING, field, entry.minted(event.envelope()));
                }
                publisher.accept(event);
                store.hashDelete(PENDING, field);
                committed.remove(field);
                published++;
            }
        } finally {
            claimed.removeAll(pending.keySet());
        }
        return published;
    }

    /**
     * Commits what is staged and hands every pending event to the caller, removing them in one write: for callers
     * that publish what a domain returns themselves (tests, tools). No crash guarantee once handed over.
     */
    public List<Emit> takeAll() {
        commit();
        Map<String, OutboxEntry> pending = store.hashGetAllJson(PENDING, OutboxEntry.class);
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Emit> out = new ArrayList<>(pending.size());
        List<StateWrite> removals = new ArrayList<>(pending.size());
        pending.forEach((field, entry) -> {
            out.add(committed.containsKey(field) ? committed.get(field) : entry.emit());
            removals.add(new StateWrite.HashDelete(PENDING, field));
        });
        store.writeAtomically(removals);
        pending.keySet().forEach(committed::remove);
        return out;
    }

    private long nextSequence() {
        if (next < 0) {
            next = store.get(NEXT).map(Long::parseLong).orElse(0L);
        }
        return next;
    }

    /** Zero-padded so the store's field order is commit order. */
    private static String field(long sequence) {
        return String.format("%019d", sequence);
    }
}
