package com.quantumtrader.risk.pretrade;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.risk.policy.RiskLimits;
import com.quantumtrader.risk.policy.SymbolLimits;
import java.math.BigDecimal;

/**
 * The limits in force for one symbol now: the mode's, tightened by the symbol's overrides (the higher confidence,
 * the lower maximum). Notionals in USDT.
 */
record EffectiveLimits(
        RiskLimits mode,
        boolean tradable,
        double minConfidence,
        BigDecimal maxOrderNotional,
        BigDecimal maxPositionNotional,
        BigDecimal symbolMaxLeverage,
        int priceCollarBps,
        BigDecimal riskPerTrade) {

    static EffectiveLimits of(Policy policy, String symbol) {
        RiskLimits mode = RiskPolicy.of(policy).activeLimits();
        SymbolLimits s = RiskPolicy.of(policy).symbolLimits(symbol);
        return new EffectiveLimits(mode, s.isTradable(),
                s.minConfidence() == null ? mode.minConfidence() : Math.max(mode.minConfidence(), s.minConfidence()),
                min(mode.maxOrderNotional(), s.maxOrderNotional()),
                min(mode.maxPositionNotional(), s.maxPositionNotional()),
                s.maxLeverage(),
                s.priceCollarBps() == null ? mode.priceCollarBps() : Math.min(mode.priceCollarBps(), s.priceCollarBps()),
                mode.riskPerTrade());
    }

    private static BigDecimal min(BigDecimal mode, BigDecimal symbol) {
        return symbol == null ? mode : mode.min(symbol);
    }
}
