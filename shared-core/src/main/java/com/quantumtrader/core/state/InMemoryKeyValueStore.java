package com.quantumtrader.core.state;

import com.quantumtrader.events.EventJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backtest's state store: same contract as Redis, in memory. Hash fields iterate in key order so a backtest
 * replays identically.
 *
 * <p>A value stored with {@link #putJson} is kept as the object itself and written as JSON only when someone reads
 * it as text: handlers that keep a window of recent bars read and rewrite it on every bar, and parsing and writing
 * that JSON was most of a backtest's time. {@link #getJson} hands the stored object back when it has the asked type.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {

    private final Map<String, Stored> values = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<String, Stored>> hashes = new ConcurrentHashMap<>();

    /** A value as text, or as an object whose JSON is written on the first read as text. */
    private static final class Stored {
        private final Object decoded;
        private volatile String json;

        private Stored(String json, Object decoded) {
            this.json = json;
            this.decoded = decoded;
        }

        static Stored text(String json) {
            return new Stored(KeyValueStores.requireValue(json), null);
        }

        static Stored object(Object value) {
            if (value == null) {
                throw new NullPointerException("a state value must not be null (delete the key instead)");
            }
            return new Stored(null, value);
        }

        String json() {
            String text = json;
            if (text == null) {
                text = EventJson.write(decoded);
                json = text;
            }
            return text;
        }

        <T> T as(Class<T> type) {
            return type.isInstance(decoded) ? type.cast(decoded) : EventJson.read(json(), type);
        }
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(KeyValueStores.requireKey(key))).map(Stored::json);
    }

    @Override
    public void put(String key, String value) {
        values.put(KeyValueStores.requireKey(key), Stored.text(value));
    }

    @Override
    public <T> Optional<T> getJson(String key, Class<T> type) {
        return Optional.ofNullable(values.get(KeyValueStores.requireKey(key))).map(stored -> stored.as(type));
    }

    @Override
    public void putJson(String key, Object value) {
        values.put(KeyValueStores.requireKey(key), Stored.object(value));
    }

    @Override
    public void delete(String key) {
        values.remove(KeyValueStores.requireKey(key));
        hashes.remove(key);
    }

    @Override
    public long increment(String key, long delta) {
        try {
            return Long.parseLong(values.merge(KeyValueStores.requireKey(key), Stored.text(Long.toString(delta)),
                    (old, d) -> Stored.text(Long.toString(Math.addExact(Long.parseLong(old.json()),
                            Long.parseLong(d.json()))))).json());
        } catch (NumberFormatException e) {
            throw KeyValueStores.notAnInteger(key, e);
        }
    }

    @Override
    public Map<String, String> hashGetAll(String key) {
        TreeMap<String, Stored> hash = hashes.get(KeyValueStores.requireKey(key));
        if (hash == null) {
            return Map.of();
        }
        synchronized (hash) {
            Map<String, String> copy = new LinkedHashMap<>();
            hash.forEach((field, stored) -> copy.put(field, stored.json()));
            return copy;
        }
    }

    @Override
    public <T> Map<String, T> hashGetAllJson(String key, Class<T> type) {
        TreeMap<String, Stored> hash = hashes.get(KeyValueStores.requireKey(key));
        if (hash == null) {
            return Map.of();
        }
        synchronized (hash) {
            Map<String, T> copy = new LinkedHashMap<>();
            hash.forEach((field, stored) -> copy.put(field, stored.as(type)));
            return copy;
        }
    }

    @Override
    public Optional<String> hashGet(String key, String field) {
        return hashGetStored(key, field).map(Stored::json);
    }

    @Override
    public <T> Optional<T> hashGetJson(String key, String field, Class<T> type) {
        return hashGetStored(key, field).map(stored -> stored.as(type));
    }

    private Optional<Stored> hashGetStored(String key, String field) {
        TreeMap<String, Stored> hash = hashes.get(KeyValueStores.requireKey(key));
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
        hashPutStored(key, field, Stored.text(value));
    }

    @Override
    public void hashPutJson(String key, String field, Object value) {
        hashPutStored(key, field, Stored.object(value));
    }

    private void hashPutStored(String key, String field, Stored stored) {
        KeyValueStores.requireField(field);
        TreeMap<String, Stored> hash = hashes.computeIfAbsent(KeyValueStores.requireKey(key), k -> new TreeMap<>());
        synchronized (hash) {
            hash.put(field, stored);
        }
    }

    @Override
    public void hashDelete(String key, String field) {
        KeyValueStores.requireField(field);
        TreeMap<String, Stored> hash = hashes.get(KeyValueStores.requireKey(key));
        if (hash != null) {
            synchronized (hash) {
                hash.remove(field);
            }
        }
    }

    /** Every write is checked first, so none can fail half-way; the whole batch runs under the store's lock. */
    @Override
    public void writeAtomically(List<StateWrite> writes) {
        List<StateWrite> checked = List.copyOf(writes);
        checked.forEach(StateWrite::validate);
        synchronized (this) {
            for (StateWrite write : checked) {
                if (write instanceof StateWrite.Put put) {
                    values.put(put.key(), stored(put.value()));
                } else if (write instanceof StateWrite.Delete delete) {
                    delete(delete.key());
                } else if (write instanceof StateWrite.HashPut put) {
                    hashPutStored(put.key(), put.field(), stored(put.value()));
                } else if (write instanceof StateWrite.HashDelete delete) {
                    hashDelete(delete.key(), delete.field());
                }
            }
        }
    }

    private static Stored stored(Object value) {
        return value instanceof String text ? Stored.text(text) : Stored.object(value);
    }
}
