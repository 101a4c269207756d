package com.quantumtrader.core.reservation;

import java.util.Collection;
import java.util.Map;

/**
 * Atomic, all-or-nothing reservations on named counters against limits, keyed by a reservation id: the primitive
 * that stops two concurrent decisions (e.g. two Lambda invocations) from both passing a limit only one of them
 * fits. Counters belong to one domain (keys under its prefix).
 *
 * <p>Amounts are scaled integers (notional in micro-USDT, counts as 1). In Redis the decision runs as one Lua
 * script, and Lua numbers are doubles: every amount, limit and every sum a limit reaches must stay below 2^53
 * (9.0e15; 9.0e9 USDT in micro-USDT). Arguments beyond it are refused with an exception.
 */
public interface ReservationStore {

    /** Adds every increment if every limit holds afterwards; otherwise changes nothing. Idempotent on the id. */
    ReservationOutcome reserve(ReservationRequest request);

    /**
     * Gives back the held increments of a reservation (consumed ones stay used). Idempotent: false when the id
     * holds nothing (never granted, or released already).
     */
    boolean release(String reservationId);

    /** The current value of each counter (0 when never used or expired), in the order asked. */
    Map<String, Long> values(Collection<String> counters);

    /** Whether the id holds a reservation now. */
    boolean isHeld(String reservationId);
}
