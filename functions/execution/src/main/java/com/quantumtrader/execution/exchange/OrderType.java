package com.quantumtrader.execution.exchange;

/** The exchange order types execution uses (Binance USD-M names). */
public enum OrderType {
    /** Takes the book at the next price the exchange sees. */
    MARKET,
    /** Trades at its limit price or better; how long it may rest is its {@link TimeInForce}. */
    LIMIT,
    /** Becomes a market order when the price trades through the trigger against the position. */
    STOP_MARKET,
    /** Becomes a market order when the price trades through the trigger in favour of the position. */
    TAKE_PROFIT_MARKET
}
