package com.quantumtrader.core.outbox;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.StateWrite;
import com.quantumtrader.events.EventJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A domain's store seen through the writes it has made since the last commit: reads see them, the durable store
 * does not until the outbox commits them together with the events they cause. Not thread-safe (one domain's calls
 * are serialised by its engine); {@link #increment} is read-then-write here, so it is atomic only for that writer.
 */
final class StagedState implements KeyValueStore {

    private final KeyValueStore store;
    /** Staged values by key; empty: deleted. */
    private final Map<String, Optional<Object>> values = new HashMap<>();
    /** Staged hash fields by key and field; empty: deleted. */
    private final Map<String, Map<String, Optional<Object>>> fields = new HashMap<>();
    /** Keys deleted as a whole: what the store holds under them is gone. */
    private final Set<String> deleted = new HashSet<>();
    private final List<StateWrite> writes = new ArrayList<>();

    StagedState(KeyValueStore store) {
        this.store = store;
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    List<StateWrite> writes() {
        return List.copyOf(writes);
    }

    void clear() {
        values.clear();
        fields.clear();
        deleted.clear();
        writes.clear();
    }

    @Override
    public Optional<String> get(String key) {
        Optional<Object> staged = values.get(key);
        if (staged != null) {
            return staged.map(StagedState::text);
        }
        return deleted.contains(key) ? Optional.empty() : store.get(key);
    }

    @Override
    public <T> Optional<T> getJson(String key, Class<T> type) {
        Optional<Object> staged = values.get(key);
        if (staged != null) {
            return staged.map(value -> as(value, type));
        }
        return deleted.contains(key) ? Optional.empty() : store.getJson(key, type);
    }

    @Override
    public void put(String key, String value) {
        stage(new StateWrite.Put(key, value));
    }

    @Override
    public void putJson(String key, Object value) {
        stage(new StateWrite.Put(key, value instanceof String ? EventJson.write(value) : value));
    }

    @Override
    public void delete(String key) {
        stage(new StateWrite.Delete(key));
    }

    @Override
    public long increment(String key, long delta) {
        long next;
        try {
            next = Math.addExact(get(key).map(Long::parseLong).orElse(0L), delta);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("value of state key '" + key + "' is not an integer", e);
        }
        put(key, Long.toString(next));
        return next;
    }

    @Override
    public Map<String, String> hashGetAll(String key) {
        Map<String, String> merged = new TreeMap<>(deleted.contains(key) ? Map.of() : store.hashGetAll(key));
        fields.getOrDefault(key, Map.of()).forEach((field, value) -> {
            if (value.isPresent()) {
                merged.put(field, text(value.get()));
            } else {
                merged.remove(field);
            }
        });
        return new LinkedHashMap<>(merged);
    }

    @Override
    public <T> Map<String, T> hashGetAllJson(String key, Class<T> type) {
        Map<String, T> merged = new TreeMap<>(deleted.contains(key) ? Map.of() : store.hashGetAllJson(key, type));
        fields.getOrDefault(key, Map.of()).forEach((field, value) -> {
            if (value.isPresent()) {
                merged.put(field, as(value.get(), type));
            } else {
                merged.remove(field);
            }
        });
        return new LinkedHashMap<>(merged);
    }

    @Override
    public Optional<String> hashGet(String key, String field) {
        Optional<Object> staged = fields.getOrDefault(key, Map.of()).get(field);
        if (staged != null) {
            return staged.map(StagedState::text);
        }
        return deleted.contains(key) ? Optional.empty() : store.hashGet(key, field);
    }

    @Override
    public <T> Optional<T> hashGetJson(String key, String field, Class<T> type) {
        Optional<Object> staged = fields.getOrDefault(key, Map.of()).get(field);
        if (staged != null) {
            return staged.map(value -> as(value, type));
        }
        return deleted.contains(key) ? Optional.empty() : store.hashGetJson(key, field, type);
    }

    @Override
    public void hashPut(String key, String field, String value) {
        stage(new StateWrite.HashPut(key, field, value));
    }

    @Override
    public void hashPutJson(String key, String field, Object value) {
        stage(new StateWrite.HashPut(key, field, value instanceof String ? EventJson.write(value) : value));
    }

    @Override
    public void hashDelete(String key, String field) {
        stage(new StateWrite.HashDelete(key, field));
    }

    /** Staged like any other write: committed with the rest, all or nothing. */
    @Override
    public void writeAtomically(List<StateWrite> batch) {
        List<StateWrite> checked = List.copyOf(batch);
        checked.forEach(StagedState::check);
        checked.forEach(this::stage);
    }

    private void stage(StateWrite write) {
        check(write);
        if (write instanceof StateWrite.Put put) {
            values.put(put.key(), Optional.of(put.value()));
        } else if (write instanceof StateWrite.Delete delete) {
            values.put(delete.key(), Optional.empty());
            fields.remove(delete.key());
            deleted.add(delete.key());
        } else if (write instanceof StateWrite.HashPut put) {
            fields.computeIfAbsent(put.key(), k -> new HashMap<>()).put(put.field(), Optional.of(put.value()));
        } else if (write instanceof StateWrite.HashDelete delete) {
            fields.computeIfAbsent(delete.key(), k -> new HashMap<>()).put(delete.field(), Optional.empty());
        }
        writes.add(write);
    }

    private static void check(StateWrite write) {
        // the same argument rules as the stores, at the call that broke them rather than at the commit
        if (write.key() == null || write.key().isBlank()) {
            throw new IllegalArgumentException("a state key must not be null or blank");
        }
        if (write instanceof StateWrite.Put put && put.value() == null
                || write instanceof StateWrite.HashPut hashPut && hashPut.value() == null) {
            throw new NullPointerException("a state value must not be null (delete the key instead)");
        }
        if (write instanceof StateWrite.HashPut put && (put.field() == null || put.field().isEmpty())
                || write instanceof StateWrite.HashDelete delete && (delete.field() == null || delete.field().isEmpty())) {
            throw new IllegalArgumentException("a hash field must not be null or empty");
        }
    }

    private static String text(Object value) {
        return value instanceof String string ? string : EventJson.write(value);
    }

    private static <T> T as(Object value, Class<T> type) {
        if (!(value instanceof String) && type.isInstance(value)) {
            return type.cast(value);
        }
        return EventJson.read(text(value), type);
    }
}
