package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the exchange says about one order when asked by its client id (Binance's query order plus the order's
 * trades): used to reconcile after a restart or an answer that never came.
 *
 * @param executedQuantity filled so far
 * @param averagePrice     volume-weighted price of the fills; null when nothing filled
 * @param fee              fees of all fills so far in {@code feeAsset}
 */
public record OrderStatusReport(
        String clientOrderId,
        String symbol,
        OrderSide side,
        Status status,
        BigDecimal executedQuantity,
        BigDecimal averagePrice,
        BigDecimal fee,
        String feeAsset) {

    public enum Status { NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED }

    public OrderStatusReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(executedQuantity, "executedQuantity");
        fee = fee == null ? BigDecimal.ZERO : fee;
    }

    /** The exchange still holds the order: it may trade. */
    public boolean open() {
        return status == Status.NEW || status == Status.PARTIALLY_FILLED;
    }
}
