package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.Side;
import java.math.BigDecimal;

/**
 * A position as execution knows it: which signal opened it (so exits and stop moves find their trace and ids)
 * and which protective orders guard it.
 *
 * @param stopOrderId   the working stop, or null before protection is placed
 * @param targetOrderId the working take-profit, or null
 * @param stopRevision  1 for the first stop, +1 per move
 */
public record TrackedPosition(
        String symbol,
        String signalId,
        String traceId,
        Side side,
        BigDecimal quantity,
        String stopOrderId,
        String targetOrderId,
        int stopRevision) {

    public TrackedPosition withQuantity(BigDecimal newQuantity) {
        return new TrackedPosition(symbol, signalId, traceId, side, newQuantity, stopOrderId, targetOrderId, stopRevision);
    }

    public TrackedPosition withProtection(String stopId, String targetId) {
        return new TrackedPosition(symbol, signalId, traceId, side, quantity, stopId, targetId, 1);
    }

    public TrackedPosition withStop(String stopId, int revision) {
        return new TrackedPosition(symbol, signalId, traceId, side, quantity, stopId, targetOrderId, revision);
    }

    public boolean protectedByStop() {
        return stopOrderId != null;
    }
}
