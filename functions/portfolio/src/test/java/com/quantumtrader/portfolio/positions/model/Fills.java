package com.quantumtrader.portfolio.positions.model;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFilled;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Fixture builder for the pure models' tests: fills as execution reports them and the positions they open, no
 * store involved. Defaults: 0.1 BTCUSDT at 30000, no fee, entries with a stop 600 away (1R = 600).
 */
public final class Fills {

    public static final Instant OPENED = Instant.parse("2024-03-01T00:00:00Z");

    private final String signalId;
    private final String symbol;
    private final OrderSide side;
    private final OrderPurpose purpose;
    private String quantity = "0.1";
    private String price = "30000";
    private String fee = "0";
    private String stop;

    private Fills(String signalId, String symbol, OrderSide side, OrderPurpose purpose) {
        this.signalId = signalId;
        this.symbol = symbol;
        this.side = side;
        this.purpose = purpose;
    }

    /** An entry fill of signal {@code sig-1}, with its stop 600 behind 30000. */
    public static Fills entry(OrderSide side) {
        Fills fill = new Fills("sig-1", "BTCUSDT", side, OrderPurpose.ENTRY);
        fill.stop = side == OrderSide.BUY ? "29400" : "30600";
        return fill;
    }

    /** An exit fill of signal {@code sig-1} (its side is the one that reduces: SELL for a long). */
    public static Fills exit(OrderSide side, OrderPurpose purpose) {
        return new Fills("sig-1", "BTCUSDT", side, purpose);
    }

    public Fills symbol(String value) {
        return copy(value, quantity, price, fee, stop);
    }

    public Fills quantity(String value) {
        return copy(symbol, value, price, fee, stop);
    }

    public Fills price(String value) {
        return copy(symbol, quantity, value, fee, stop);
    }

    public Fills fee(String value) {
        return copy(symbol, quantity, price, value, stop);
    }

    public Fills stop(String value) {
        return copy(symbol, quantity, price, fee, value);
    }

    public OrderFilled build() {
        BigDecimal qty = quantity == null ? null : new BigDecimal(quantity);
        return new OrderFilled(signalId, "cid-" + signalId + "-" + purpose, symbol, side, purpose, qty, qty, true,
                new BigDecimal(price), new BigDecimal(price), new BigDecimal(fee), "USDT",
                stop == null ? null : new BigDecimal(stop), null, "ma_crossover", "model-1", OPENED);
    }

    /** The position this entry fill opens at {@link #OPENED}. */
    public Position open() {
        return Position.open(build(), "trace-1", OPENED, build().stopPrice());
    }

    private Fills copy(String newSymbol, String newQuantity, String newPrice, String newFee, String newStop) {
        Fills next = new Fills(signalId, newSymbol, side, purpose);
        next.quantity = newQuantity;
        next.price = newPrice;
        next.fee = newFee;
        next.stop = newStop;
        return next;
    }
}
