package com.quantumtrader.risk.model.pretrade;

import java.math.BigDecimal;

/**
 * The tightest room an exposure limit leaves, in micro-USDT (notionals are counted in micro-USDT so rounding never
 * lets a limit be exceeded).
 *
 * @param reason     the limit it is
 * @param maxMicros  the limit
 * @param usedMicros what the counters it sums hold now
 * @param micros     what is left ({@code maxMicros - usedMicros}, may be negative)
 */
public record ExposureRoom(RejectReason reason, long maxMicros, long usedMicros, long micros) {

    public static final BigDecimal MICRO = new BigDecimal("1000000");

    /** Micro-USDT as USDT text. */
    public static String usdt(long micros) {
        return new BigDecimal(micros).divide(MICRO).stripTrailingZeros().toPlainString();
    }
}
