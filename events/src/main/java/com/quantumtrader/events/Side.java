package com.quantumtrader.events;

/** Direction of a position or a signal. */
public enum Side {
    LONG,
    SHORT;

    /** The order side that opens a position of this direction. */
    public OrderSide entrySide() {
        return this == LONG ? OrderSide.BUY : OrderSide.SELL;
    }

    /** The order side that reduces or closes a position of this direction. */
    public OrderSide exitSide() {
        return this == LONG ? OrderSide.SELL : OrderSide.BUY;
    }

    /** +1 for long, -1 for short: the sign of P&L per unit of price rise. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
