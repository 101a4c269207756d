package com.quantumtrader.portfolio.positions.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The portfolio's rounding rules, in one place: amounts and prices at 8 decimals, half-even. */
public final class Money {

    public static final int SCALE = 8;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    /** Precision of intermediate quotients (pro-rata cost and fees), well below a display cent. */
    static final int WORKING_SCALE = 16;

    private Money() {
    }

    public static BigDecimal amount(BigDecimal value) {
        return value.setScale(SCALE, ROUNDING);
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, SCALE, ROUNDING);
    }
}
