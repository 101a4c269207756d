package com.quantumtrader.execution.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A contract's trading filters, as Binance USD-M publishes them in exchangeInfo: prices move in ticks, quantities in
 * steps, an opening order must be worth at least the minimum notional (USDT), and no order may exceed the maximum
 * quantity (the smaller of LOT_SIZE's and MARKET_LOT_SIZE's maxQty: an entry may be either kind of order).
 *
 * @param maxQuantity largest quantity of one order; null when the exchange published none
 */
public record SymbolRules(String symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minNotional,
                          BigDecimal maxQuantity) {

    public static final SymbolRules BTCUSDT = new SymbolRules("BTCUSDT", new BigDecimal("0.10"),
            new BigDecimal("0.001"), new BigDecimal("100"), new BigDecimal("120"));
    public static final SymbolRules ETHUSDT = new SymbolRules("ETHUSDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("20"), new BigDecimal("2000"));

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

    private static void positive(String name, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive but is " + value);
        }
    }
}
