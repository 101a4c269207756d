package com.quantumtrader.risk.pretrade;

import com.quantumtrader.core.policy.RiskLimits;
import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes an approved signal: the smallest of the quantity asked for, the quantity whose stop-out loses
 * {@code riskPerTrade} of equity, and the quantity at {@code maxPositionNotional}, rounded down to the exchange's
 * quantity step; then cut so that gross exposure stays within {@code maxLeverage} times equity.
 */
final class PositionSizer {

    /** Binance USD-M quantity step of the traded symbols (BTCUSDT, ETHUSDT). */
    static final BigDecimal QUANTITY_STEP = new BigDecimal("0.001");
    /** Intermediate precision of divisions; truncated again to the step, so it never rounds a quantity up. */
    private static final int WORKING_SCALE = 18;

    private PositionSizer() {
    }

    static Sizing size(SignalGenerated signal, RiskLimits limits, BigDecimal equity, BigDecimal grossReserved) {
        BigDecimal reference = signal.referencePrice();
        BigDecimal stopDistance = reference.subtract(signal.stopPrice()).abs();
        BigDecimal riskBudget = limits.riskPerTrade().multiply(equity);
        BigDecimal byRisk = riskBudget.divide(stopDistance, WORKING_SCALE, RoundingMode.DOWN);
        BigDecimal byNotional = limits.maxPositionNotional().divide(reference, WORKING_SCALE, RoundingMode.DOWN);
        BigDecimal wanted = signal.requestedQuantity().min(byRisk).min(byNotional);
        BigDecimal quantity = toStep(wanted);
        if (quantity.signum() <= 0) {
            return Sizing.rejected(new Rejection(RejectReason.SIZE_TOO_SMALL, QUANTITY_STEP.toPlainString(),
                    wanted.setScale(8, RoundingMode.DOWN).toPlainString(),
                    "quantity " + wanted.setScale(8, RoundingMode.DOWN).toPlainString()
                            + " is below one step (requested " + signal.requestedQuantity().toPlainString()
                            + ", risk budget " + riskBudget.toPlainString() + " over stop distance "
                            + stopDistance.toPlainString() + ", notional cap "
                            + limits.maxPositionNotional().toPlainString() + ")"));
        }
        BigDecimal maxGross = limits.maxLeverage().multiply(equity);
        BigDecimal room = maxGross.subtract(grossReserved);
        BigDecimal fitting = room.signum() <= 0 ? BigDecimal.ZERO
                : toStep(room.divide(reference, WORKING_SCALE, RoundingMode.DOWN));
        if (fitting.signum() <= 0) {
            BigDecimal wouldBe = grossReserved.add(quantity.multiply(reference));
            return Sizing.rejected(new Rejection(RejectReason.MAX_LEVERAGE, maxGross.toPlainString(),
                    wouldBe.toPlainString(), "gross exposure " + grossReserved.toPlainString()
                            + " leaves no room for one step within " + limits.maxLeverage().toPlainString()
                            + "x equity " + equity.toPlainString()));
        }
        return Sizing.approved(quantity.min(fitting));
    }

    static BigDecimal toStep(BigDecimal quantity) {
        return quantity.divide(QUANTITY_STEP, 0, RoundingMode.DOWN).multiply(QUANTITY_STEP);
    }
}
