package com.quantumtrader.core.reservation;

import java.util.List;

/**
 * A bound on the sum of one or more counters. It is checked only when the reservation adds a positive amount to
 * its counters in total, so a reservation that lowers a sum is never refused by it (e.g. after a limit was
 * tightened below what is already used).
 *
 * @param name     the caller's name for the limit, reported back when it refuses
 * @param max      the largest sum allowed after the reservation, in the counters' scaled units
 * @param counters the counters summed; one for a plain limit, several for a shared one (e.g. correlated symbols)
 */
public record Limit(String name, long max, List<String> counters) {

    public Limit {
        ReservationArguments.requireName(name, "limit name");
        ReservationArguments.requireExact(max, "max of " + name);
        if (counters == null || counters.isEmpty()) {
            throw new IllegalArgumentException("limit " + name + " sums no counter");
        }
        counters = List.copyOf(counters);
        counters.forEach(c -> ReservationArguments.requireName(c, "counter of " + name));
        if (counters.stream().distinct().count() != counters.size()) {
            throw new IllegalArgumentException("limit " + name + " names a counter twice: " + counters);
        }
    }

    public static Limit of(String name, long max, String counter) {
        return new Limit(name, max, List.of(counter));
    }
}
