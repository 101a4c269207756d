package com.quantumtrader.execution.adapter.binance;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Binance says about our use of its limits: the used request weight and order count of the current minute
 * (from every response's {@code X-MBX-USED-WEIGHT-1M} and {@code X-MBX-ORDER-COUNT-1M}), a back-off asked for by a
 * 429, and an IP ban from a 418. Sending while banned extends the ban, so nothing is sent until it lifts.
 */
final class RateLimitTracker {

    static final String USED_WEIGHT = "X-MBX-USED-WEIGHT-1M";
    static final String ORDER_COUNT = "X-MBX-ORDER-COUNT-1M";

    private final int weightLimit;
    private long usedWeight;
    private long orderCount;
    private Instant observedAt = Instant.EPOCH;
    private Instant bannedUntil = Instant.EPOCH;
    private Instant backOffUntil = Instant.EPOCH;

    RateLimitTracker(int weightLimit) {
        this.weightLimit = weightLimit;
    }

    synchronized void observe(HttpHeaders headers, Instant now) {
        OptionalLong weight = number(headers, USED_WEIGHT);
        OptionalLong orders = number(headers, ORDER_COUNT);
        if (weight.isPresent()) {
            usedWeight = weight.getAsLong();
            observedAt = now;
        }
        if (orders.isPresent()) {
            orderCount = orders.getAsLong();
        }
    }

    synchronized void backOffUntil(Instant until) {
        if (until.isAfter(backOffUntil)) {
            backOffUntil = until;
        }
    }

    synchronized void bannedUntil(Instant until) {
        if (until.isAfter(bannedUntil)) {
            bannedUntil = until;
        }
    }

    /** The end of the IP ban, when one is in force at {@code now}. */
    synchronized Optional<Instant> ban(Instant now) {
        return now.isBefore(bannedUntil) ? Optional.of(bannedUntil) : Optional.empty();
    }

    /**
     * How long to wait before the next request: until a 429's back-off ends, or, when this minute's weight is used
     * up, until the next minute starts (Binance counts weight per calendar minute).
     */
    synchronized Duration waitBeforeSending(Instant now) {
        Instant until = backOffUntil;
        if (usedWeight >= weightLimit && observedAt.truncatedTo(ChronoUnit.MINUTES).equals(now.truncatedTo(ChronoUnit.MINUTES))) {
            Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            until = nextMinute.isAfter(until) ? nextMinute : until;
        }
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    synchronized long usedWeight() {
        return usedWeight;
    }

    synchronized long orderCount() {
        return orderCount;
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
