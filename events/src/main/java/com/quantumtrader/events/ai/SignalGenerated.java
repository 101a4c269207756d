package com.quantumtrader.events.ai;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;

/**
 * A trade idea from the AI engine. Prices are references; risk decides the quantity.
 *
 * @param confidence        0..1
 * @param requestedQuantity base-asset quantity the strategy would like
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
}
