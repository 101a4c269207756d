package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;

/**
 * What the exchange reports about an order after it traded or died (Binance's ORDER_TRADE_UPDATE).
 *
 * @param status             the order's status after this report
 * @param lastQuantity       quantity of this trade; zero when nothing traded (EXPIRED)
 * @param cumulativeQuantity filled on the order so far, this trade included
 * @param lastPrice          price of this trade; null when nothing traded
 * @param fee                fee of this trade in {@code feeAsset}
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
        String feeAsset) {

    public enum Status { PARTIALLY_FILLED, FILLED, EXPIRED }

    public boolean traded() {
        return lastQuantity.signum() > 0;
    }
}
