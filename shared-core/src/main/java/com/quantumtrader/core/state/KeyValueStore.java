package com.quantumtrader.core.state;

import com.quantumtrader.events.EventJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A domain's own state. Keys are relative: the store scopes them under the domain's prefix ({@code portfolio:},
 * {@code risk_safety:} …), so no domain can read another's keys. Redis in production, memory in backtests.
 */
public interface KeyValueStore {

    Optional<String> get(String key);

    void put(String key, String value);

    void delete(String key);

    /** Atomically adds {@code delta} (missing counts as 0) and returns the new value. */
    long increment(String key, long delta);

    Map<String, String> hashGetAll(String key);

    Optional<String> hashGet(String key, String field);

    void hashPut(String key, String field, String value);

    void hashDelete(String key, String field);

    /**
     * The value under {@code key} read as JSON into {@code type}. A store that holds values in memory may hand back
     * the very instance {@link #putJson} stored instead of parsing, so such values must be immutable (records of
     * immutable lists and values) and the same after a JSON round trip.
     */
    default <T> Optional<T> getJson(String key, Class<T> type) {
        return get(key).map(json -> EventJson.read(json, type));
    }

    /** Stores {@code value} as JSON under {@code key}; see {@link #getJson} for what the value must be. */
    default void putJson(String key, Object value) {
        put(key, EventJson.write(value));
    }

    /** A hash field read as JSON into {@code type}; the same terms as {@link #getJson}. */
    default <T> Optional<T> hashGetJson(String key, String field, Class<T> type) {
        return hashGet(key, field).map(json -> EventJson.read(json, type));
    }

    /** Every field of a hash read as JSON into {@code type}; the same terms as {@link #getJson}. */
    default <T> Map<String, T> hashGetAllJson(String key, Class<T> type) {
        Map<String, T> decoded = new java.util.LinkedHashMap<>();
        hashGetAll(key).forEach((field, json) -> decoded.put(field, EventJson.read(json, type)));
        return decoded;
    }

    /** Stores {@code value} as JSON in a hash field; the same terms as {@link #getJson}. */
    default void hashPutJson(String key, String field, Object value) {
        hashPut(key, field, EventJson.write(value));
    }

    /**
     * Applies every write, in order, all or nothing: after a crash either all of them are in the store or none is
     * (Redis: one Lua script; memory: every write checked before the first is applied). The transactional outbox
     * writes a state change and the events it causes with it. A bad write fails the call before anything changes.
     */
    default void writeAtomically(List<StateWrite> writes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write atomically");
    }
}
