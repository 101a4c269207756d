package com.quantumtrader.execution.marketdata;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Where a synthetic symbol starts, its price tick, how much it trades and how volatile it is relative to BTC. */
record SymbolProfile(BigDecimal startPrice, BigDecimal tick, double baseVolume, double volatilityScale) {

    static SymbolProfile of(String symbol) {
        return switch (symbol) {
            case "BTCUSDT" -> new SymbolProfile(new BigDecimal("60000.0"), new BigDecimal("0.10"), 400.0, 1.0);
            case "ETHUSDT" -> new SymbolProfile(new BigDecimal("3000.00"), new BigDecimal("0.01"), 6000.0, 1.25);
            default -> new SymbolProfile(new BigDecimal("100.00"), new BigDecimal("0.01"), 150000.0, 1.5);
        };
    }

    BigDecimal onTick(double price, RoundingMode mode) {
        int scale = Math.max(0, tick.stripTrailingZeros().scale());
        BigDecimal rounded = BigDecimal.valueOf(price).divide(tick, 0, mode).multiply(tick).setScale(scale, RoundingMode.UNNECESSARY);
        return rounded.signum() > 0 ? rounded : tick.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
