package com.quantumtrader.core.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory dedupe for backtests and single-JVM runs, with the Redis store's contract: release frees only this
 * thread's claim in progress, never a completed event nor another thread's claim. Without a clock nothing expires; with one, a completed event is forgotten once
 * the dedupe window has passed on that clock, as its Redis key would expire, so a long backtest holds a window of
 * events rather than every event it ever handled (a year of 1-minute bars is millions of deliveries).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    /** A claim in progress holds its thread; a completed one holds {@link #DONE}. */
    private static final Object DONE = new Object();

    private record Completed(String key, Instant expiresAt) {
    }

    private final Map<String, Object> claims = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;
    /** Completed claims in completion order, so the expired ones are always at the head. */
    private final Queue<Completed> completed = new ArrayDeque<>();

    /** Remembers every completed event for the life of the store. */
    public InMemoryIdempotencyStore() {
        this.clock = null;
        this.window = null;
    }

    /** Forgets a completed event {@code window} after its completion, by {@code clock}. */
    public InMemoryIdempotencyStore(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive but is " + window);
        }
    }

    @Override
    public Claim claim(String handler, String eventId) {
        Thread me = Thread.currentThread();
        Object holder = claims.putIfAbsent(key(handler, eventId), me);
        if (holder == null || holder == me) {
            return Claim.ACQUIRED; // new, or this thread's own earlier attempt, which is over
        }
        return holder == DONE ? Claim.COMPLETED : Claim.IN_PROGRESS;
    }

    @Override
    public void complete(String handler, String eventId) {
        String key = key(handler, eventId);
        claims.put(key, DONE);
        if (clock != null) {
            expireAndRemember(key);
        }
    }

    private synchronized void expireAndRemember(String key) {
        Instant now = clock.instant();
        Completed oldest;
        while ((oldest = completed.peek()) != null && !oldest.expiresAt().isAfter(now)) {
            completed.remove();
            claims.remove(oldest.key(), DONE);
        }
        completed.add(new Completed(key, now.plus(window)));
    }

    @Override
    public void release(String handler, String eventId) {
        claims.remove(key(handler, eventId), Thread.currentThread());
    }

    /** Claims held now, in progress or completed (for tests). */
    int size() {
        return claims.size();
    }

    private static String key(String handler, String eventId) {
        if (handler == null || handler.isBlank() || eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("handler and eventId must not be null or blank");
        }
        return handler + '\u0000' + eventId;
    }
}
