package com.quantumtrader.events.ai;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;

/**
 * A trade idea from the AI engine. Prices are references; risk decides the quantity: it is the only sizer.
 *
 * @param confidence        calibrated probability, 0..1
 * @param requestedQuantity optional cap on the base-asset quantity, null when the producer leaves sizing to risk
 *                          (the AI engine always does; older events carry one)
 */
public record SignalGenerated(
        String signalId,
        String symbol,
        Side side,
        double confidence,
        BigDecimal referencePrice,
        BigDecimal stopPrice,
        BigDecimal targetPrice,
        BigDecimal requestedQuantity,
        String strategyId,
        String modelId) {

    /** A signal that leaves sizing to risk, as the AI engine emits it. */
    public static SignalGenerated unsized(String signalId, String symbol, Side side, double confidence,
                                          BigDecimal referencePrice, BigDecimal stopPrice, BigDecimal targetPrice,
                                          String strategyId, String modelId) {
        return new SignalGenerated(signalId, symbol, side, confidence, referencePrice, stopPrice, targetPrice, null,
                strategyId, modelId);
    }
}
