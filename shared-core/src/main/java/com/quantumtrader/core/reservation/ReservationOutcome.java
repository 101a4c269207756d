package com.quantumtrader.core.reservation;

/** What a reservation request ended in. */
public sealed interface ReservationOutcome {

    /** Every increment was added. */
    record Granted(String reservationId) implements ReservationOutcome {
    }

    /**
     * The id was decided before; nothing changed.
     *
     * @param held true while the earlier reservation is held, false once it was released
     */
    record Duplicate(String reservationId, boolean held) implements ReservationOutcome {
    }

    /**
     * A limit would have been exceeded; nothing changed. The first limit (in request order) that refused.
     *
     * @param used      the limit's counters summed before the request
     * @param requested what the request would have added to them
     */
    record Refused(String reservationId, Limit limit, long used, long requested) implements ReservationOutcome {
    }

    default boolean granted() {
        return this instanceof Granted;
    }
}
