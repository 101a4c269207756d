package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.OrderPurpose;
import java.util.Optional;

/** Which protective orders a position needs, and what to do with an order the exchange never heard of. Pure. */
public final class ProtectionRules {

    private ProtectionRules() {
    }

    /**
     * The position a finished entry must now protect with its first stop and take-profit: the one its signal opened,
     * not yet protected, when the entry traded at all; empty otherwise (protection is placed once).
     */
    public static Optional<TrackedPosition> toProtectFirst(Optional<TrackedPosition> held, ManagedOrder entry) {
        if (entry.filledQuantity().signum() == 0) {
            return Optional.empty();
        }
        return held.filter(position -> position.signalId().equals(entry.signalId()) && !position.protectedByStop());
    }

    /** What a known position lacks on the exchange, from whether its stop and take-profit are working. */
    public record Missing(boolean stop, boolean target) {

        public static Missing of(boolean stopWorks, boolean targetWorks) {
            return new Missing(!stopWorks, !targetWorks);
        }

        public boolean nothing() {
            return !stop && !target;
        }

        /** For the log: "stop", "take-profit" or "stop and take-profit". */
        public String describe() {
            return stop && target ? "stop and take-profit" : stop ? "stop" : "take-profit";
        }
    }

    /** The revision a reinstated stop starts searching from: one past the last, the first when none was placed. */
    public static int nextStopRevision(TrackedPosition position) {
        return Math.max(position.stopRevision(), 0) + 1;
    }

    /** What reconciliation does with a working order the exchange does not know. */
    public enum UnseenOrder {
        /** A stop or take-profit recorded but never sent (a crash between the two): the position needs it. */
        PLACE_NOW,
        /** Never reached the exchange and nothing needs it: a failure. */
        NOT_PLACED,
        /** The exchange once held it and no longer does: cancelled. */
        GONE
    }

    /**
     * @param signalHoldsPosition whether execution holds the position of the order's signal in its symbol
     */
    public static UnseenOrder unseen(ManagedOrder order, boolean signalHoldsPosition) {
        boolean neverSent = order.state() == OrderState.NEW || order.state() == OrderState.UNKNOWN;
        if (neverSent && order.purpose().reducesPosition() && order.purpose() != OrderPurpose.EXIT
                && signalHoldsPosition) {
            return UnseenOrder.PLACE_NOW;
        }
        return neverSent ? UnseenOrder.NOT_PLACED : UnseenOrder.GONE;
    }
}
