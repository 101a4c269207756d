package com.quantumtrader.core.idempotency;

/**
 * Dedupe on {@code event_id} per handler. A claim is a lease: it is completed when the handler succeeded (kept for
 * the dedupe window) or released when it failed, so a redelivery after a failure is processed again and a
 * redelivery after success changes nothing.
 */
public interface IdempotencyStore {

    /** True when this handler has not yet handled (and is not now handling) this event. */
    boolean claim(String handler, String eventId);

    void complete(String handler, String eventId);

    void release(String handler, String eventId);
}
