package com.quantumtrader.core.policy;

import java.math.BigDecimal;

/**
 * Hard limits that latch the emergency stop (besides {@code emergency_drawdown}); only an operator reset clears it.
 *
 * @param dailyLoss                   realised loss of the current UTC day as a fraction of equity (default 0.05)
 * @param maxConsecutiveOrderFailures order failures in a row, with no fill in between (default 5)
 * @param exchangeUnreachableMinutes  how long order failures that say the exchange is unreachable may go on before
 *                                    the stop latches, in minutes (default 5)
 */
public record EmergencyPolicy(
        BigDecimal dailyLoss,
        int maxConsecutiveOrderFailures,
        int exchangeUnreachableMinutes) {

    public static final EmergencyPolicy DEFAULTS = new EmergencyPolicy(new BigDecimal("0.05"), 5, 5);
}
