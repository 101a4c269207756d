package com.quantumtrader.core.reservation;

/** Argument rules every store shares, so a bad request fails the same way in memory as in Redis. */
final class ReservationArguments {

    /** Largest magnitude a Lua number (an IEEE double) holds exactly: 2^53 - 1. */
    static final long MAX_EXACT = (1L << 53) - 1;

    private ReservationArguments() {
    }

    static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be null or blank");
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must not contain whitespace: '" + name + "'");
        }
        return name;
    }

    static long requireExact(long value, String what) {
        if (Math.abs(value) > MAX_EXACT) {
            throw new IllegalArgumentException(what + " is " + value + ", beyond +-2^53: Redis' Lua would round it");
        }
        return value;
    }
}
