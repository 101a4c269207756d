package com.quantumtrader.risk.model.safety;

import java.math.BigDecimal;

/**
 * What a high drawdown does: at or beyond the policy's emergency drawdown it latches the emergency stop; below it,
 * it trips the circuit breaker so no new risk is taken for a cool-off.
 */
public final class DrawdownRules {

    public static final String REASON = "DRAWDOWN";

    private DrawdownRules() {
    }

    /** The switch a drawdown throws. */
    public sealed interface Outcome {
    }

    /** Latch the emergency stop: {@code drawdown value >= threshold}. */
    public record Emergency(String value, String threshold) implements Outcome {
    }

    /** Open the circuit breaker for its cool-off. */
    public record Trip(String detail) implements Outcome {
    }

    /**
     * @param drawdown  the portfolio's drawdown (0.12 = 12 %)
     * @param alert     the alert threshold portfolio reported it against
     * @param emergency the policy's emergency drawdown
     */
    public static Outcome decide(BigDecimal drawdown, BigDecimal alert, BigDecimal emergency) {
        String value = drawdown.toPlainString();
        if (drawdown.compareTo(emergency) >= 0) {
            return new Emergency(value, emergency.toPlainString());
        }
        return new Trip("drawdown " + value + " >= alert " + alert.toPlainString() + " (emergency at "
                + emergency.toPlainString() + ")");
    }
}
