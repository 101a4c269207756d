package com.quantumtrader.core.state;

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
}
