package com.quantumtrader.risk.policy;

import java.math.BigDecimal;

/**
 * Overrides for one symbol of the universe, in force in every risk mode. Each field is optional; where both the
 * mode and the symbol set a limit, the stricter one applies (the higher confidence, the lower maximum), so a
 * symbol entry can only tighten the mode's limits.
 *
 * @param tradable            false stops new entries on the symbol (exits stay allowed)
 * @param minConfidence       probability 0..1
 * @param maxOrderNotional    USDT
 * @param maxPositionNotional USDT
 * @param maxLeverage         the symbol's position notional / equity (1..125)
 * @param priceCollarBps      basis points
 */
public record SymbolLimits(
        Boolean tradable,
        Double minConfidence,
        BigDecimal maxOrderNotional,
        BigDecimal maxPositionNotional,
        BigDecimal maxLeverage,
        Integer priceCollarBps) {

    public static final SymbolLimits NONE = new SymbolLimits(null, null, null, null, null, null);

    public boolean isTradable() {
        return !Boolean.FALSE.equals(tradable);
    }
}
