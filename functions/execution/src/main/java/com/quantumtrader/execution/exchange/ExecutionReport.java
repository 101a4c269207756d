package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the exchange reports about an order after it traded or died (Binance's ORDER_TRADE_UPDATE).
 *
 * @param status             the order's status after this report
 * @param lastQuantity       quantity of this trade; zero when nothing traded (EXPIRED)
 * @param cumulativeQuantity filled on the order so far, this trade included
 * @param lastPrice          price of this trade; null when nothing traded
 * @param fee                fee of this trade in {@code feeAsset}
 * @param tradeTime          when the trade happened on the venue (the time of the price it got); null when the
 *                           venue does not say, and then the time it is applied stands for it
 */
public record ExecutionReport(
        String clientOrderId,
        String symbol,
        OrderSide side,
        Status status,
        BigDecimal lastQuantity,
        BigDecimal cumulativeQuantity,
        BigDecimal lastPrice,
        BigDecimal fee,
        String feeAsset,
        Instant tradeTime) {

    /** A report that does not say when it traded. */
    public ExecutionReport(String clientOrderId, String symbol, OrderSide side, Status status,
                           BigDecimal lastQuantity, BigDecimal cumulativeQuantity, BigDecimal lastPrice,
                           BigDecimal fee, String feeAsset) {
        this(clientOrderId, symbol, side, status, lastQuantity, cumulativeQuantity, lastPrice, fee, feeAsset, null);
    }

    public enum Status { PARTIALLY_FILLED, FILLED, EXPIRED }

    public boolean traded() {
        return lastQuantity.signum() > 0;
    }
}
