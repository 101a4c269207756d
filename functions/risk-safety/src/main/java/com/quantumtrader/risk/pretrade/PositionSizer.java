package com.quantumtrader.risk.pretrade;

import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes a signal before exposure, the one place that sizes: the smallest of the quantity whose stop-out loses
 * {@code riskPerTrade} of equity, the quantity at the order notional cap and, when the signal asks for one (the AI
 * engine does not; older signals do), the quantity asked for, times the governor's multiplier,
 * rounded down to the instrument's quantity step (shared-core's instrument catalog).
 */
final class PositionSizer {

    /** Intermediate precision of divisions; truncated again to the step, so it never rounds a quantity up. */
    private static final int WORKING_SCALE = 18;

    private PositionSizer() {
    }

    static Sizing size(SignalGenerated signal, EffectiveLimits limits, BigDecimal equity, BigDecimal multiplier,
                       BigDecimal step) {
        BigDecimal reference = signal.referencePrice();
        BigDecimal stopDistance = reference.subtract(signal.stopPrice()).abs();
        BigDecimal riskBudget = limits.riskPerTrade().multiply(equity);
        BigDecimal byRisk = riskBudget.divide(stopDistance, WORKING_SCALE, RoundingMode.DOWN);
        BigDecimal byNotional = limits.maxOrderNotional().divide(reference, WORKING_SCALE, RoundingMode.DOWN);
        BigDecimal requested = signal.requestedQuantity();
        BigDecimal wanted = (requested == null ? byRisk : requested.min(byRisk)).min(byNotional).multiply(multiplier);
        BigDecimal quantity = toStep(wanted, step);
        if (quantity.signum() <= 0) {
            String shown = wanted.setScale(8, RoundingMode.DOWN).toPlainString();
            return Sizing.rejected(new Rejection(RejectReason.SIZE_TOO_SMALL, step.toPlainString(), shown,
                    "quantity " + shown + " is below one step (requested "
                            + (requested == null ? "none" : requested.toPlainString()) + ", risk budget "
                            + riskBudget.toPlainString() + " over stop distance " + stopDistance.toPlainString()
                            + ", order notional cap " + limits.maxOrderNotional().toPlainString()
                            + ", governor x" + multiplier.toPlainString() + ")"));
        }
        return Sizing.approved(quantity);
    }

    static BigDecimal toStep(BigDecimal quantity, BigDecimal step) {
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO.setScale(Math.max(0, step.scale()));
        }
        return quantity.divide(step, 0, RoundingMode.DOWN).multiply(step);
    }
}
