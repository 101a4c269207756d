package com.quantumtrader.execution.orders.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of an order: NEW (recorded, not yet sent) -> [UNKNOWN (sent, no answer)] -> SUBMITTED (the exchange holds it) -> PARTIALLY_FILLED ->
 * FILLED, or it ends CANCELED, REJECTED or EXPIRED. Terminal states never change again.
 */
public enum OrderState {
    NEW,
    /** Sent, but no answer came (timeout, 5xx): maybe on the exchange, maybe not; reconciliation settles it. */
    UNKNOWN,
    SUBMITTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED,
    EXPIRED;

    private Set<OrderState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(SUBMITTED, UNKNOWN, REJECTED, CANCELED);
            case UNKNOWN -> EnumSet.of(SUBMITTED, REJECTED, CANCELED);
            case SUBMITTED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED);
            case PARTIALLY_FILLED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED);
            case FILLED, CANCELED, REJECTED, EXPIRED -> EnumSet.noneOf(OrderState.class);
        };
    }

    public boolean canMoveTo(OrderState target) {
        return next().contains(target);
    }

    /** Still able to trade: the exchange may hold it (or is about to). */
    public boolean working() {
        return this == NEW || this == UNKNOWN || this == SUBMITTED || this == PARTIALLY_FILLED;
    }

    /** The target state, or an {@link IllegalStateException} naming the illegal move. */
    public OrderState moveTo(OrderState target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("an order cannot move from " + this + " to " + target);
        }
        return target;
    }
}
