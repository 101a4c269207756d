package com.quantumtrader.core.reservation;

import java.time.Duration;
import java.util.Objects;

/**
 * What a reservation adds to one counter.
 *
 * @param counter      the counter's name, e.g. {@code gross_notional} or {@code orders:BTCUSDT:28512000}
 * @param amount       a scaled integer (e.g. micro-USDT, or 1 for a count); negative amounts free room and are never
 *                     refused (a short lowers the long-minus-short counter). Magnitude below 2^53, see
 *                     {@link ReservationStore}
 * @param expiresAfter null: the amount is held until the reservation is released. Otherwise the amount is consumed
 *                     (a release does not give it back) and the counter is dropped this long after its first use:
 *                     rate windows, whose counter name carries the window
 */
public record Increment(String counter, long amount, Duration expiresAfter) {

    public Increment {
        ReservationArguments.requireName(counter, "counter");
        ReservationArguments.requireExact(amount, "amount of " + counter);
        if (expiresAfter != null && (expiresAfter.isZero() || expiresAfter.isNegative())) {
            throw new IllegalArgumentException("expiry of " + counter + " must be positive, got " + expiresAfter);
        }
    }

    /** An amount held until the reservation is released. */
    public static Increment held(String counter, long amount) {
        return new Increment(counter, amount, null);
    }

    /** An amount used up for good; the counter disappears {@code expiresAfter} after it was first used. */
    public static Increment consumed(String counter, long amount, Duration expiresAfter) {
        return new Increment(counter, amount, Objects.requireNonNull(expiresAfter, "expiresAfter"));
    }

    public boolean isHeld() {
        return expiresAfter == null;
    }
}
