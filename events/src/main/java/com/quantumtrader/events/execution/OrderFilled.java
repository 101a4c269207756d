package com.quantumtrader.events.execution;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fill (possibly partial) of an order.
 *
 * @param quantity           quantity of this fill
 * @param cumulativeQuantity filled so far on the order, this fill included
 * @param complete           the order is fully filled
 * @param expectedPrice      the reference price the order was sent against (for slippage)
 * @param fee                fee charged for this fill, in {@code feeAsset}
 * @param stopPrice          the protective stop of the position this entry opens (null on exits)
 * @param targetPrice        the take-profit of the position this entry opens (null on exits)
 */
public record OrderFilled(
        String signalId,
        String clientOrderId,
        String symbol,
        OrderSide side,
        OrderPurpose purpose,
        BigDecimal quantity,
        BigDecimal cumulativeQuantity,
        boolean complete,
        BigDecimal price,
        BigDecimal expectedPrice,
        BigDecimal fee,
        String feeAsset,
        BigDecimal stopPrice,
        BigDecimal targetPrice,
        String strategyId,
        String modelId,
        Instant filledAt) {
}
