package com.quantumtrader.core.idempotency;

/**
 * Dedupe on {@code event_id} per handler. A claim is a lease: it is completed when the handler succeeded (kept for
 * the dedupe window) or released when it failed, so a redelivery after a failure is processed again and a
 * redelivery after success changes nothing.
 *
 * <p>Only a completed record makes a delivery a duplicate. A claim held by another attempt means "retry later": that
 * attempt may have died (its lease then expires) and must not swallow the redelivery. A claim held by the same
 * claimant (the same store instance on the same thread, whose earlier attempt is therefore over, e.g. it timed out
 * on a stalled Redis after its claim had reached the server) is taken over at once.
 */
public interface IdempotencyStore {

    /** What a claim found. */
    enum Claim {
        /** This caller holds the claim now: run the handler. */
        ACQUIRED,
        /** The event was handled already: a duplicate, acknowledge it. */
        COMPLETED,
        /** Another attempt holds an unexpired claim: do not handle it now, and do not acknowledge it either. */
        IN_PROGRESS
    }

    Claim claim(String handler, String eventId);

    void complete(String handler, String eventId);

    void release(String handler, String eventId);
}
