package com.quantumtrader.execution.exchange;

import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The trading filters execution applies to a contract, taken from its {@link Instrument} (shared-core's instrument
 * catalog, read from Binance USD-M exchangeInfo): prices move in ticks, quantities in steps, an opening order must be
 * worth at least the minimum notional (USDT), and no order may exceed the maximum quantity (the smaller of LOT_SIZE's
 * and MARKET_LOT_SIZE's maxQty: an entry may be either kind of order).
 *
 * @param maxQuantity largest quantity of one order; null when the exchange published none
 */
public record SymbolRules(String symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minNotional,
                          BigDecimal maxQuantity) {

    /** BTCUSDT of the shipped instrument snapshot. */
    public static final SymbolRules BTCUSDT = of(InstrumentCatalog.bundled().require("BTCUSDT"));
    /** ETHUSDT of the shipped instrument snapshot. */
    public static final SymbolRules ETHUSDT = of(InstrumentCatalog.bundled().require("ETHUSDT"));

    public static SymbolRules of(Instrument instrument) {
        return new SymbolRules(instrument.symbol(), instrument.tickSize(), instrument.stepSize(),
                instrument.minNotional(), smaller(instrument.maxQuantity(), instrument.marketMaxQuantity()));
    }

    /** Rules without a published maximum quantity. */
    public SymbolRules(String symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minNotional) {
        this(symbol, tickSize, stepSize, minNotional, null);
    }

    public SymbolRules {
        Objects.requireNonNull(symbol, "symbol");
        positive("tickSize", tickSize);
        positive("stepSize", stepSize);
        Objects.requireNonNull(minNotional, "minNotional");
        if (minNotional.signum() < 0) {
            throw new IllegalArgumentException(symbol + " minNotional must not be negative");
        }
        if (maxQuantity != null) {
            positive("maxQuantity", maxQuantity);
        }
    }

    /** The largest quantity of one order, when the exchange publishes one. */
    public Optional<BigDecimal> maxOrderQuantity() {
        return Optional.ofNullable(maxQuantity);
    }

    /** {@code price} on this contract's tick grid, rounded the given way. */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        return onGrid(price, tickSize, mode);
    }

    /**
     * {@code quantity} rounded toward zero onto the step grid: the order never exceeds what was approved.
     * (Never HALF_EVEN or UP for a quantity.)
     */
    public BigDecimal roundQuantityDown(BigDecimal quantity) {
        return onGrid(quantity, stepSize, RoundingMode.DOWN);
    }

    public boolean isOnStep(BigDecimal quantity) {
        return quantity.remainder(stepSize).signum() == 0;
    }

    public boolean isOnTick(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    private static BigDecimal onGrid(BigDecimal value, BigDecimal increment, RoundingMode mode) {
        int scale = Math.max(0, increment.stripTrailingZeros().scale());
        return value.divide(increment, 0, mode).multiply(increment).setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal smaller(BigDecimal a, BigDecimal b) {
        BigDecimal min = a == null ? b : b == null ? a : a.min(b);
        return min == null || min.signum() <= 0 ? null : min;
    }

    private static void positive(String name, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive but is " + value);
        }
    }
}
