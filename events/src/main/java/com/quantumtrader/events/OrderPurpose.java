package com.quantumtrader.events;

/** Why an order exists: it opens a position, protects it, or closes it. */
public enum OrderPurpose {
    ENTRY,
    STOP_LOSS,
    TAKE_PROFIT,
    EXIT;

    public boolean reducesPosition() {
        return this != ENTRY;
    }
}
