package com.quantumtrader.portfolio.market.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Mean and standard deviations in {@link MathContext#DECIMAL64}: the same digits on every JVM. */
public final class Statistics {

    public static final MathContext MATH = MathContext.DECIMAL64;

    private Statistics() {
    }

    public static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return sum(values).divide(BigDecimal.valueOf(values.size()), MATH);
    }

    /** Sample standard deviation (n - 1 in the denominator); 0 with fewer than two values. */
    public static BigDecimal sampleStdev(List<BigDecimal> values) {
        if (values.size() < 2) {
            return BigDecimal.ZERO;
        }
        BigDecimal mean = mean(values);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            BigDecimal deviation = value.subtract(mean);
            squares = squares.add(deviation.multiply(deviation), MATH);
        }
        return squares.divide(BigDecimal.valueOf(values.size() - 1L), MATH).sqrt(MATH);
    }

    /** Downside deviation below 0 over all n values: sqrt(sum(min(r, 0)^2) / n); 0 for no values. */
    public static BigDecimal downsideDeviation(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            if (value.signum() < 0) {
                squares = squares.add(value.multiply(value), MATH);
            }
        }
        return squares.divide(BigDecimal.valueOf(values.size()), MATH).sqrt(MATH);
    }

    public static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            total = total.add(value, MATH);
        }
        return total;
    }
}
