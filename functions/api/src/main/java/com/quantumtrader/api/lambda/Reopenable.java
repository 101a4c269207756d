package com.quantumtrader.api.lambda;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a Lambda runs on, built on Redis connections, which SnapStart's checkpoint closes and the restore opens
 * again: {@link #get()} opens it when it is closed.
 */
final class Reopenable<T extends AutoCloseable> {

    private final Supplier<T> open;
    private volatile T current;

    Reopenable(Supplier<T> open) {
        this.open = Objects.requireNonNull(open, "open");
    }

    T get() {
        T value = current;
        if (value == null) {
            synchronized (this) {
                if (current == null) {
                    current = open.get();
                }
                value = current;
            }
        }
        return value;
    }

    boolean isOpen() {
        return current != null;
    }

    synchronized void close() {
        T value = current;
        current = null;
        if (value != null) {
            try {
                value.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + value, e);
            }
        }
    }

    void reopen() {
        get();
    }
}
