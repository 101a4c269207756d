package com.quantumtrader.risk.policy;

import java.math.BigDecimal;

/**
 * Hard limits that latch the emergency stop (besides {@code emergency_drawdown}); only an operator reset clears it.
 *
 * @param dailyLoss                   realised loss of the current UTC day as a fraction of equity
 * @param maxConsecutiveOrderFailures order failures in a row, with no fill in between
 * @param exchangeUnreachableMinutes  how long order failures that say the exchange is unreachable may go on before
 *                                    the stop latches, in minutes
 */
public record EmergencyPolicy(
        BigDecimal dailyLoss,
        int maxConsecutiveOrderFailures,
        int exchangeUnreachableMinutes) {

    /** The shipped value ({@code policy/risk.schema.json}), also taken when a document omits the section. */
    public static final EmergencyPolicy DEFAULTS =
            RiskPolicySection.FRAGMENT.shippedDefault("emergency", EmergencyPolicy.class);
}
