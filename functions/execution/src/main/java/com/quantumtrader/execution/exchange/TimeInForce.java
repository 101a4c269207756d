package com.quantumtrader.execution.exchange;

/** How long a LIMIT order lives (Binance USD-M's timeInForce values). */
public enum TimeInForce {
    /** Good till cancelled: what does not trade on arrival rests on the book as a maker order. */
    GTC,
    /** Immediate or cancel: trades what it can on arrival, the rest expires; it never rests. */
    IOC,
    /** Good till crossing (post-only): rests as a maker order, and expires instead if it would take on arrival. */
    GTX
}
