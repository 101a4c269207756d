package com.quantumtrader.events;

/**
 * Why an order exists: it opens a position, protects it, or closes it. The last three are orders the exchange
 * placed, not execution: they appear only on fills that close a position without an order of ours.
 */
public enum OrderPurpose {
    ENTRY,
    STOP_LOSS,
    TAKE_PROFIT,
    EXIT,
    /** The exchange liquidated the position (margin balance below maintenance margin). */
    LIQUIDATION,
    /** The exchange's auto-deleveraging (ADL) closed the position against a liquidated counterparty. */
    AUTO_DELEVERAGE,
    /** The exchange shows the position closed, by nothing execution sent (a manual close, a missed liquidation). */
    EXTERNAL_CLOSE;

    public boolean reducesPosition() {
        return this != ENTRY;
    }

    /** Placed by the exchange or someone outside the platform, never by execution. */
    public boolean exchangeInitiated() {
        return this == LIQUIDATION || this == AUTO_DELEVERAGE || this == EXTERNAL_CLOSE;
    }
}
