package com.quantumtrader.events.portfolio;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;

/** A position exists after an entry fill. */
public record PositionOpened(
        String positionId,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal stopPrice,
        BigDecimal targetPrice,
        String signalId,
        String strategyId,
        String modelId) {
}
