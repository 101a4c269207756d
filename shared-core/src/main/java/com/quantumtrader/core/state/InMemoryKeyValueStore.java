package com.quantumtrader.core.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backtest's state store: same contract as Redis, in memory. Hash fields iterate in key order so a backtest
 * replays identically.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<String, String>> hashes = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(KeyValueStores.requireKey(key)));
    }

    @Override
    public void put(String key, String value) {
        values.put(KeyValueStores.requireKey(key), KeyValueStores.requireValue(value));
    }

    @Override
    public void delete(String key) {
        values.remove(KeyValueStores.requireKey(key));
        hashes.remove(key);
    }

    @Override
    public long increment(String key, long delta) {
        try {
            return Long.parseLong(values.merge(KeyValueStores.requireKey(key), Long.toString(delta),
                    (old, d) -> Long.toString(Math.addExact(Long.parseLong(old), Long.parseLong(d)))));
        } catch (NumberFormatException e) {
            throw KeyValueStores.notAnInteger(key, e);
        }
    }

    @Override
    public Map<String, String> hashGetAll(String key) {
        TreeMap<String, String> hash = hashes.get(KeyValueStores.requireKey(key));
        if (hash == null) {
            return Map.of();
        }
        synchronized (hash) {
            return new LinkedHashMap<>(hash);
        }
    }

    @Override
    public Optional<String> hashGet(String key, String field) {
        TreeMap<String, String> hash = hashes.get(KeyValueStores.requireKey(key));
        KeyValueStores.requireField(field);
        if (hash == null) {
            return Optional.empty();
        }
        synchronized (hash) {
            return Optional.ofNullable(hash.get(field));
        }
    }

    @Override
    public void hashPut(String key, String field, String value) {
        KeyValueStores.requireField(field);
        KeyValueStores.requireValue(value);
        TreeMap<String, String> hash = hashes.computeIfAbsent(KeyValueStores.requireKey(key), k -> new TreeMap<>());
        synchronized (hash) {
            hash.put(field, value);
        }
    }

    @Override
    public void hashDelete(String key, String field) {
        KeyValueStores.requireField(field);
        TreeMap<String, String> hash = hashes.get(KeyValueStores.requireKey(key));
        if (hash != null) {
            synchronized (hash) {
                hash.remove(field);
            }
        }
    }
}
