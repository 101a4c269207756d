package com.quantumtrader.core.testing;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import java.util.Map;
import java.util.Optional;

/** A domain's state in memory, which a test can empty or take down (as Redis would go away). */
public final class OutageKeyValueStore implements KeyValueStore {

    private volatile InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private volatile boolean down;

    /** Empty again, and up. */
    public void reset() {
        store = new InMemoryKeyValueStore();
        down = false;
    }

    /** Every operation fails from now on, as with the server gone, until {@link #comeBack()}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    private InMemoryKeyValueStore available() {
        if (down) {
            throw new IllegalStateException("state store unavailable");
        }
        return store;
    }

    @Override
    public Optional<String> get(String key) {
        return available().get(key);
    }

    @Override
    public void put(String key, String value) {
        available().put(key, value);
    }

    @Override
    public void delete(String key) {
        available().delete(key);
    }

    @Override
    public long increment(String key, long delta) {
        return available().increment(key, delta);
    }

    @Override
    public Map<String, String> hashGetAll(String key) {
        return available().hashGetAll(key);
    }

    @Override
    public Optional<String> hashGet(String key, String field) {
        return available().hashGet(key, field);
    }

    @Override
    public void hashPut(String key, String field, String value) {
        available().hashPut(key, field, value);
    }

    @Override
    public void hashDelete(String key, String field) {
        available().hashDelete(key, field);
    }
}
