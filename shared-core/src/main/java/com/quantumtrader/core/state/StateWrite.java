package com.quantumtrader.core.state;

/**
 * One change of a domain's state, to apply with others all or nothing ({@link KeyValueStore#writeAtomically}).
 * A value that is a {@link String} is stored as that text; any other value as its JSON, on the terms of
 * {@link KeyValueStore#putJson}.
 */
public sealed interface StateWrite {

    String key();

    record Put(String key, Object value) implements StateWrite {
    }

    record Delete(String key) implements StateWrite {
    }

    record HashPut(String key, String field, Object value) implements StateWrite {
    }

    record HashDelete(String key, String field) implements StateWrite {
    }

    /** Checks what every store checks before applying anything, so a bad write fails before any is applied. */
    static void validate(StateWrite write) {
        KeyValueStores.requireKey(write.key());
        if (write instanceof Put put) {
            requireValue(put.value());
        } else if (write instanceof HashPut put) {
            KeyValueStores.requireField(put.field());
            requireValue(put.value());
        } else if (write instanceof HashDelete delete) {
            KeyValueStores.requireField(delete.field());
        }
    }

    private static void requireValue(Object value) {
        if (value == null) {
            throw new NullPointerException("a state value must not be null (delete the key instead)");
        }
    }
}
