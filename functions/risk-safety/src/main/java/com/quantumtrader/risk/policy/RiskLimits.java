package com.quantumtrader.risk.policy;

import java.math.BigDecimal;

/**
 * Pre-trade limits of one risk mode. Every field is documented with its unit and default in risk's schema fragment
 * ({@code policy/risk.schema.json}); fields added after the first policy version may be omitted from a stored document
 * and then take that default (or one derived from the original five so an old document keeps its meaning).
 *
 * @param minConfidence               a signal below this confidence (0..1) is rejected
 * @param maxPositionNotional         largest notional of one symbol's position, in USDT
 * @param maxOpenPositions            positions reserved or open at once, across symbols
 * @param maxLeverage                 account leverage cap: gross notional / equity
 * @param riskPerTrade                fraction of equity lost if a position's stop is hit; sizes positions
 * @param maxOrderNotional            largest notional of one entry order, in USDT; a larger request is cut down to
 *                                    it (when omitted: maxPositionNotional)
 * @param maxGrossExposure            sum of all positions' notionals, in USDT (when omitted: maxPositionNotional x
 *                                    maxOpenPositions)
 * @param maxNetExposure              |long notional - short notional|, in USDT (when omitted: as gross)
 * @param maxCorrelatedExposure       same-direction notional across symbols whose returns correlate at or above
 *                                    the policy's correlation threshold, the symbol itself included, in USDT
 *                                    (when omitted: as gross)
 * @param maxOrdersPerMinute          approvals per clock minute, across symbols
 * @param maxOrdersPerMinutePerSymbol approvals per clock minute and symbol
 * @param priceCollarBps              the signal's reference price may differ from the latest market price by at
 *                                    most this many basis points
 * @param dailyLossLimit              realised loss of the current UTC day, as a fraction of equity, at which new
 *                                    entries stop until the next day
 * @param maxConsecutiveLosses        losing trades in a row that start a cooldown
 * @param lossStreakCooldownMinutes   how long entries stop after that streak, in minutes
 * @param stopOutCooldownMinutes      how long a symbol takes no entry after one of its positions was stopped out,
 *                                    in minutes
 * @param sizeMultiplier              the safety governor's factor of this mode, applied to every approved size,
 *                                    0 < x <= 1
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
        maxOrdersPerMinute = maxOrdersPerMinute != null ? maxOrdersPerMinute : Defaults.MAX_ORDERS_PER_MINUTE;
        maxOrdersPerMinutePerSymbol = maxOrdersPerMinutePerSymbol != null ? maxOrdersPerMinutePerSymbol
                : Defaults.MAX_ORDERS_PER_MINUTE_PER_SYMBOL;
        priceCollarBps = priceCollarBps != null ? priceCollarBps : Defaults.PRICE_COLLAR_BPS;
        dailyLossLimit = dailyLossLimit != null ? dailyLossLimit : Defaults.DAILY_LOSS_LIMIT;
        maxConsecutiveLosses = maxConsecutiveLosses != null ? maxConsecutiveLosses : Defaults.MAX_CONSECUTIVE_LOSSES;
        lossStreakCooldownMinutes = lossStreakCooldownMinutes != null ? lossStreakCooldownMinutes
                : Defaults.LOSS_STREAK_COOLDOWN_MINUTES;
        stopOutCooldownMinutes = stopOutCooldownMinutes != null ? stopOutCooldownMinutes
                : Defaults.STOP_OUT_COOLDOWN_MINUTES;
        sizeMultiplier = sizeMultiplier != null ? sizeMultiplier : Defaults.SIZE_MULTIPLIER;
    }

    /** The values omitted optional fields take: the {@code default}s of {@code policy/risk.schema.json}. */
    private static final class Defaults {
        private static final String FIELD = "/$defs/riskLimits/properties/";
        static final int MAX_ORDERS_PER_MINUTE = RiskPolicySection.FRAGMENT.intDefault(FIELD + "max_orders_per_minute");
        static final int MAX_ORDERS_PER_MINUTE_PER_SYMBOL =
                RiskPolicySection.FRAGMENT.intDefault(FIELD + "max_orders_per_minute_per_symbol");
        static final int PRICE_COLLAR_BPS = RiskPolicySection.FRAGMENT.intDefault(FIELD + "price_collar_bps");
        static final BigDecimal DAILY_LOSS_LIMIT = RiskPolicySection.FRAGMENT.decimalDefault(FIELD + "daily_loss_limit");
        static final int MAX_CONSECUTIVE_LOSSES =
                RiskPolicySection.FRAGMENT.intDefault(FIELD + "max_consecutive_losses");
        static final int LOSS_STREAK_COOLDOWN_MINUTES =
                RiskPolicySection.FRAGMENT.intDefault(FIELD + "loss_streak_cooldown_minutes");
        static final int STOP_OUT_COOLDOWN_MINUTES =
                RiskPolicySection.FRAGMENT.intDefault(FIELD + "stop_out_cooldown_minutes");
        static final BigDecimal SIZE_MULTIPLIER = RiskPolicySection.FRAGMENT.decimalDefault(FIELD + "size_multiplier");
    }

    /** The limits of the first policy version; every later field takes its default. */
    public RiskLimits(double minConfidence, BigDecimal maxPositionNotional, int maxOpenPositions,
                      BigDecimal maxLeverage, BigDecimal riskPerTrade) {
        this(minConfidence, maxPositionNotional, maxOpenPositions, maxLeverage, riskPerTrade, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
