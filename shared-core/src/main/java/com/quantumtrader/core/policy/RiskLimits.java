package com.quantumtrader.core.policy;

import java.math.BigDecimal;

/**
 * Pre-trade limits of one risk mode.
 *
 * @param minConfidence        a signal below this confidence (0..1) is rejected
 * @param maxPositionNotional  largest notional of one position, in USDT; a larger request is cut down to it
 * @param maxOpenPositions     positions open at once, across symbols
 * @param maxLeverage          account leverage cap (notional / equity)
 * @param riskPerTrade         fraction of equity lost if a position's stop is hit; sizes positions (0.01 = 1 %)
 */
public record RiskLimits(
        double minConfidence,
        BigDecimal maxPositionNotional,
        int maxOpenPositions,
        BigDecimal maxLeverage,
        BigDecimal riskPerTrade) {
}
