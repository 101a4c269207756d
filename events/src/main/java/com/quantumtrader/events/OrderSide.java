package com.quantumtrader.events;

/** Side of an order on the exchange. */
public enum OrderSide {
    BUY,
    SELL
}
