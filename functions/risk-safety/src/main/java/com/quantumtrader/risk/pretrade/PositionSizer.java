package com.quantumtrader.risk.pretrade;

import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes a signal before exposure: the smallest of the quantity asked for, the quantity whose stop-out loses
 * {@code riskPerTrade} of equity, and the quantity at the order notional cap, times the governor's multiplier,
 * rounded down to the exchange's quantity step.
 */
final class PositionSizer {

    /** Binance USD-M quantity step of the traded symbols (BTCUSDT, ETHUSDT). */
    static final BigDecimal QUANTITY_STEP = new BigDecimal("0.001");
    /** Intermediate precision of divisions; truncated again to the step, so it never rounds a quantity up. */
    private static final int WORKING_SCALE = 18;

    private PositionSizer() {
    }

    static Sizing size(SignalGenerated signal, EffectiveLimits limits, BigDecimal equity, BigDecimal multiplier) {
        BigDecimal reference = signal.referencePrice();
        BigDecimal stopDistance = reference.subtract(signal.stopPrice()).abs();
        BigDecimal riskBudget = limits.riskPerTrade().multiply(equity);
        BigDecimal byRisk = riskBudget.divide(stopDistance, WORKING_SCALE, RoundingMode.DOWN);
        BigDecimal byNotional = limits.maxOrderNotional().divide(reference, WORKING_SCALE, RoundingMode.DOWN);
        BigDecimal wanted = signal.requestedQuantity().min(byRisk).min(byNotional).multiply(multiplier);
        BigDecimal quantity = toStep(wanted);
        if (quantity.signum() <= 0) {
            String shown = wanted.setScale(8, RoundingMode.DOWN).toPlainString();
            return Sizing.rejected(new Rejection(RejectReason.SIZE_TOO_SMALL, QUANTITY_STEP.toPlainString(), shown,
                    "quantity " + shown + " is below one step (requested "
                            + signal.requestedQuantity().toPlainString() + ", risk budget "
                            + riskBudget.toPlainString() + " over stop distance " + stopDistance.toPlainString()
                            + ", order notional cap " + limits.maxOrderNotional().toPlainString()
                            + ", governor x" + multiplier.toPlainString() + ")"));
        }
        return Sizing.approved(quantity);
    }

    static BigDecimal toStep(BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO.setScale(QUANTITY_STEP.scale());
        }
        return quantity.divide(QUANTITY_STEP, 0, RoundingMode.DOWN).multiply(QUANTITY_STEP);
    }
}
