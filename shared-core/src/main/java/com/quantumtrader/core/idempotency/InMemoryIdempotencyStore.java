package com.quantumtrader.core.idempotency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory dedupe for backtests and single-JVM runs, with the Redis store's contract except that nothing expires
 * (a backtest is finite): release frees only a claim in progress, never a completed event.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private enum State { IN_PROGRESS, DONE }

    private final Map<String, State> claims = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String handler, String eventId) {
        return claims.putIfAbsent(key(handler, eventId), State.IN_PROGRESS) == null;
    }

    @Override
    public void complete(String handler, String eventId) {
        claims.put(key(handler, eventId), State.DONE);
    }

    @Override
    public void release(String handler, String eventId) {
        claims.remove(key(handler, eventId), State.IN_PROGRESS);
    }

    private static String key(String handler, String eventId) {
        if (handler == null || handler.isBlank() || eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("handler and eventId must not be null or blank");
        }
        return handler + '\u0000' + eventId;
    }
}
