package com.quantumtrader.core.policy;

import java.math.BigDecimal;

/**
 * Pre-trade limits of one risk mode. Every field is documented with its unit in {@code policy.schema.json}; fields
 * added after the first policy version may be omitted from a stored document and then take the default named here
 * (derived from the original five so an old document keeps its meaning).
 *
 * @param minConfidence               a signal below this confidence (0..1) is rejected
 * @param maxPositionNotional         largest notional of one symbol's position, in USDT
 * @param maxOpenPositions            positions reserved or open at once, across symbols
 * @param maxLeverage                 account leverage cap: gross notional / equity
 * @param riskPerTrade                fraction of equity lost if a position's stop is hit; sizes positions
 * @param maxOrderNotional            largest notional of one entry order, in USDT; a larger request is cut down to
 *                                    it (default: maxPositionNotional)
 * @param maxGrossExposure            sum of all positions' notionals, in USDT (default: maxPositionNotional x
 *                                    maxOpenPositions)
 * @param maxNetExposure              |long notional - short notional|, in USDT (default: as gross)
 * @param maxCorrelatedExposure       same-direction notional across symbols whose returns correlate at or above
 *                                    the policy's correlation threshold, the symbol itself included, in USDT
 *                                    (default: as gross)
 * @param maxOrdersPerMinute          approvals per clock minute, across symbols (default 10)
 * @param maxOrdersPerMinutePerSymbol approvals per clock minute and symbol (default 2)
 * @param priceCollarBps              the signal's reference price may differ from the latest market price by at
 *                                    most this many basis points (default 100 = 1 %)
 * @param dailyLossLimit              realised loss of the current UTC day, as a fraction of equity, at which new
 *                                    entries stop until the next day (default 0.03)
 * @param maxConsecutiveLosses        losing trades in a row that start a cooldown (default 4)
 * @param lossStreakCooldownMinutes   how long entries stop after that streak, in minutes (default 60)
 * @param stopOutCooldownMinutes      how long a symbol takes no entry after one of its positions was stopped out,
 *                                    in minutes (default 30)
 * @param sizeMultiplier              the safety governor's factor of this mode, applied to every approved size,
 *                                    0 < x <= 1 (default 1)
 */
public record RiskLimits(
        double minConfidence,
        BigDecimal maxPositionNotional,
        int maxOpenPositions,
        BigDecimal maxLeverage,
        BigDecimal riskPerTrade,
        BigDecimal maxOrderNotional,
        BigDecimal maxGrossExposure,
        BigDecimal maxNetExposure,
        BigDecimal maxCorrelatedExposure,
        Integer maxOrdersPerMinute,
        Integer maxOrdersPerMinutePerSymbol,
        Integer priceCollarBps,
        BigDecimal dailyLossLimit,
        Integer maxConsecutiveLosses,
        Integer lossStreakCooldownMinutes,
        Integer stopOutCooldownMinutes,
        BigDecimal sizeMultiplier) {

    public RiskLimits {
        if (maxPositionNotional != null) {
            BigDecimal gross = maxPositionNotional.multiply(BigDecimal.valueOf(Math.max(1, maxOpenPositions)));
            maxOrderNotional = maxOrderNotional != null ? maxOrderNotional : maxPositionNotional;
            maxGrossExposure = maxGrossExposure != null ? maxGrossExposure : gross;
            maxNetExposure = maxNetExposure != null ? maxNetExposure : gross;
            maxCorrelatedExposure = maxCorrelatedExposure != null ? maxCorrelatedExposure : gross;
        }
        maxOrdersPerMinute = maxOrdersPerMinute != null ? maxOrdersPerMinute : 10;
        maxOrdersPerMinutePerSymbol = maxOrdersPerMinutePerSymbol != null ? maxOrdersPerMinutePerSymbol : 2;
        priceCollarBps = priceCollarBps != null ? priceCollarBps : 100;
        dailyLossLimit = dailyLossLimit != null ? dailyLossLimit : new BigDecimal("0.03");
        maxConsecutiveLosses = maxConsecutiveLosses != null ? maxConsecutiveLosses : 4;
        lossStreakCooldownMinutes = lossStreakCooldownMinutes != null ? lossStreakCooldownMinutes : 60;
        stopOutCooldownMinutes = stopOutCooldownMinutes != null ? stopOutCooldownMinutes : 30;
        sizeMultiplier = sizeMultiplier != null ? sizeMultiplier : BigDecimal.ONE;
    }

    /** The limits of the first policy version; every later field takes its default. */
    public RiskLimits(double minConfidence, BigDecimal maxPositionNotional, int maxOpenPositions,
                      BigDecimal maxLeverage, BigDecimal riskPerTrade) {
        this(minConfidence, maxPositionNotional, maxOpenPositions, maxLeverage, riskPerTrade, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
