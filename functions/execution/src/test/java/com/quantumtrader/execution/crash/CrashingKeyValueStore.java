package com.quantumtrader.execution.crash;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.StateWrite;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Execution's store with a kill -9 planted at its Nth write: that write and everything after it never reach the
 * store (the process is gone). Keys under {@code venue:} belong to the simulated exchange, which stands for another
 * process (the exchange survives our crash), so they are neither counted nor stopped.
 */
final class CrashingKeyValueStore implements KeyValueStore {

    /** The process died here. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(int write, String what) {
            super("kill -9 at write " + write + " (" + what + ")");
        }
    }

    private final KeyValueStore store;
    private final int crashAt;
    private int writes;
    private boolean dead;

    /** @param crashAt the write (1-based) that dies; 0 or less: never crash, only count */
    CrashingKeyValueStore(KeyValueStore store, int crashAt) {
        this.store = store;
        this.crashAt = crashAt;
    }

    int writes() {
        return writes;
    }

    boolean crashed() {
        return dead;
    }

    private void write(String key, String what) {
        if (dead) {
            throw new IllegalStateException("the process is dead; nothing runs after a kill -9");
        }
        if (key.startsWith("venue:")) {
            return;
        }
        writes++;
        if (writes == crashAt) {
            dead = true;
            throw new SimulatedCrash(writes, what + " " + key);
        }
    }

    private void read() {
        if (dead) {
            throw new IllegalStateException("the process is dead; nothing runs after a kill -9");
        }
    }

    @Override
    public Optional<String> get(String key) {
        read();
        return store.get(key);
    }

    @Override
    public void put(String key, String value) {
        write(key, "put");
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        write(key, "delete");
        store.delete(key);
    }

    @Override
    public long increment(String key, long delta) {
        write(key, "increment");
        return store.increment(key, delta);
    }

    @Override
    public Map<String, String> hashGetAll(String key) {
        read();
        return store.hashGetAll(key);
    }

    @Override
    public Optional<String> hashGet(String key, String field) {
        read();
        return store.hashGet(key, field);
    }

    @Override
    public void hashPut(String key, String field, String value) {
        write(key, "hashPut");
        store.hashPut(key, field, value);
    }

    @Override
    public void hashDelete(String key, String field) {
        write(key, "hashDelete");
        store.hashDelete(key, field);
    }

    /** One atomic batch is one write: the crash comes before it (none applied) or after it (all applied). */
    @Override
    public void writeAtomically(List<StateWrite> writes) {
        write(writes.isEmpty() ? "empty" : writes.get(0).key(), "atomic batch of " + writes.size() + " from");
        store.writeAtomically(writes);
    }
}
