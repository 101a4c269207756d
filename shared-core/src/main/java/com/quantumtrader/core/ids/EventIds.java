package com.quantumtrader.core.ids;

import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * ULIDs: 48 bits of milliseconds from the injected clock, then 80 bits that increase monotonically within a
 * millisecond. Unique and time-ordered as text; with a seeded generator and a simulated clock, a backtest produces
 * the same ids every run.
 */
public final class EventIds {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long randomHigh; // 16 bits
    private long randomLow;  // 64 bits

    public EventIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Where the generator stands: the millisecond of its last id and the 80 bits it used there. A process that
     * persists this and {@link #restore}s it after a restart never issues an id at or below one it issued before.
     */
    public record State(long lastMillis, long randomHigh, long randomLow) {
    }

    public synchronized State state() {
        return new State(lastMillis, randomHigh, randomLow);
    }

    /**
     * Continues from a persisted {@link State}: ids in the same millisecond count up from it, later milliseconds
     * draw fresh random bits. Never moves backwards: a state older than the current one is ignored.
     */
    public synchronized void restore(State state) {
        if (state.randomHigh() < 0 || state.randomHigh() >= 1 << 16) {
            throw new IllegalArgumentException("randomHigh must fit 16 bits, got " + state.randomHigh());
        }
        boolean older = state.lastMillis() < lastMillis || state.lastMillis() == lastMillis
                && (state.randomHigh() < randomHigh
                        || state.randomHigh() == randomHigh && Long.compareUnsigned(state.randomLow(), randomLow) < 0);
        if (older) {
            return;
        }
        lastMillis = state.lastMillis();
        randomHigh = state.randomHigh();
        randomLow = state.randomLow();
    }

    public synchronized String next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            randomHigh = random.nextInt(1 << 16);
            randomLow = random.nextLong();
        } else if (++randomLow == 0 && ++randomHigh == 1 << 16) {
            // 2^80 ids in one millisecond (or a clock that went back): borrow the next millisecond
            lastMillis++;
            randomHigh = 0;
        }
        return encode(lastMillis, randomHigh, randomLow);
    }

    static String encode(long millis, long high16, long low64) {
        char[] out = new char[26];
        // 128 bits: millis(48) | high16 | low64, written as 26 base-32 digits (the first carries 3 bits)
        long hi = (millis << 16) | high16; // top 64 bits
        long lo = low64;                   // bottom 64 bits
        for (int i = 25; i >= 0; i--) {
            int digit = (int) (lo & 31);
            lo = (lo >>> 5) | (hi << 59);
            hi >>>= 5;
            out[i] = CROCKFORD[digit];
        }
        return new String(out);
    }
}
