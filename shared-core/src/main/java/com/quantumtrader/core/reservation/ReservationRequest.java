package com.quantumtrader.core.reservation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One all-or-nothing decision: add every increment if every limit still holds afterwards, otherwise change
 * nothing. Keyed by {@code reservationId}: asking again with an id that is held or was released changes nothing.
 */
public record ReservationRequest(String reservationId, List<Increment> increments, List<Limit> limits) {

    public ReservationRequest {
        ReservationArguments.requireName(reservationId, "reservation id");
        increments = List.copyOf(increments);
        limits = List.copyOf(limits);
        if (increments.isEmpty()) {
            throw new IllegalArgumentException("reservation " + reservationId + " adds nothing");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Increment increment : increments) {
            if (!seen.add(increment.counter())) {
                throw new IllegalArgumentException("reservation " + reservationId + " adds to "
                        + increment.counter() + " twice; merge the amounts");
            }
        }
    }

    /** Every counter the request touches, increments first, in a stable order. */
    List<String> counters() {
        Set<String> all = new LinkedHashSet<>();
        increments.forEach(i -> all.add(i.counter()));
        limits.forEach(l -> all.addAll(l.counters()));
        return new ArrayList<>(all);
    }
}
