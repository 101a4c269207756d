package com.quantumtrader.execution.marketdata;

import com.quantumtrader.core.instrument.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Where a synthetic symbol starts, its price tick, how much it trades and how volatile it is relative to BTC. */
record SymbolProfile(BigDecimal startPrice, BigDecimal tick, double baseVolume, double volatilityScale) {

    /**
     * Binance lists a contract with a minimum price a few percent of its price (BTCUSDT 556.80, DOGEUSDT 0.00244):
     * fifty times it lands in the range the coin trades in.
     */
    private static final BigDecimal MIN_PRICE_TO_START = BigDecimal.valueOf(50);
    /** Without a minimum price: ten thousand ticks (tick 0.0001 starts at 1). */
    private static final BigDecimal TICKS_TO_START = BigDecimal.valueOf(10_000);
    /** Quote volume per bar of a derived profile, USDT (the 100-USDT default's 150,000 units). */
    private static final double QUOTE_VOLUME = 15_000_000.0;

    static SymbolProfile of(String symbol) {
        return of(symbol, Optional.empty());
    }

    /**
     * BTCUSDT and ETHUSDT keep their hand-set profiles (paper runs replay as before); any other symbol with an
     * instrument starts from its minimum price (or tick) and trades on its tick; a symbol without one near 100.
     */
    static SymbolProfile of(String symbol, Optional<Instrument> instrument) {
        return switch (symbol) {
            case "BTCUSDT" -> new SymbolProfile(new BigDecimal("60000.0"), new BigDecimal("0.10"), 400.0, 1.0);
            case "ETHUSDT" -> new SymbolProfile(new BigDecimal("3000.00"), new BigDecimal("0.01"), 6000.0, 1.25);
            default -> instrument.map(SymbolProfile::derived)
                    .orElseGet(() -> new SymbolProfile(new BigDecimal("100.00"), new BigDecimal("0.01"), 150000.0, 1.5));
        };
    }

    private static SymbolProfile derived(Instrument instrument) {
        BigDecimal tick = instrument.tickSize();
        BigDecimal start = instrument.minPrice() != null && instrument.minPrice().signum() > 0
                ? instrument.minPrice().multiply(MIN_PRICE_TO_START) : tick.multiply(TICKS_TO_START);
        int scale = Math.max(0, tick.stripTrailingZeros().scale());
        start = start.divide(tick, 0, RoundingMode.HALF_UP).max(BigDecimal.ONE).multiply(tick)
                .setScale(scale, RoundingMode.UNNECESSARY);
        return new SymbolProfile(start, tick, QUOTE_VOLUME / start.doubleValue(), 1.5);
    }

    BigDecimal onTick(double price, RoundingMode mode) {
        int scale = Math.max(0, tick.stripTrailingZeros().scale());
        BigDecimal rounded = BigDecimal.valueOf(price).divide(tick, 0, mode).multiply(tick).setScale(scale, RoundingMode.UNNECESSARY);
        return rounded.signum() > 0 ? rounded : tick.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
