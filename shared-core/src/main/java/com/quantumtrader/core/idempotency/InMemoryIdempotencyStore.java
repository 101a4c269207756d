package com.quantumtrader.core.idempotency;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory dedupe for backtests and single-JVM runs; never expires (a backtest is finite). */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(String handler, String eventId) {
        return seen.add(handler + '\u0000' + eventId);
    }

    @Override
    public void complete(String handler, String eventId) {
        // the claim already holds it
    }

    @Override
    public void release(String handler, String eventId) {
        seen.remove(handler + '\u0000' + eventId);
    }
}
