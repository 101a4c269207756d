package com.quantumtrader.core.bus;

/** A live subscription; closing it stops delivery to its consumer. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
