package com.quantumtrader.events.risk;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;

/** A signal that passed every pre-trade check, with the quantity risk allows (possibly less than asked). */
public record SignalApproved(
        String signalId,
        String symbol,
        Side side,
        BigDecimal approvedQuantity,
        BigDecimal referencePrice,
        BigDecimal stopPrice,
        BigDecimal targetPrice,
        String strategyId,
        String modelId) {
}
