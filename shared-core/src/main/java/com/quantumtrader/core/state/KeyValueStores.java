package com.quantumtrader.core.state;

import java.util.Objects;

/** Argument rules both stores share, so a bad key fails the same way in a backtest as in production. */
final class KeyValueStores {

    private KeyValueStores() {
    }

    static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a state key must not be null or blank");
        }
        return key;
    }

    static String requireField(String field) {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("a hash field must not be null or empty");
        }
        return field;
    }

    static String requireValue(String value) {
        return Objects.requireNonNull(value, "a state value must not be null (delete the key instead)");
    }

    static IllegalStateException notAnInteger(String key, Exception cause) {
        return new IllegalStateException("value of state key '" + key + "' is not an integer", cause);
    }
}
