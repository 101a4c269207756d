package com.quantumtrader.events.execution;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;

/**
 * An order accepted by the exchange.
 *
 * @param clientOrderId derived from the signal id, so a redelivered signal never places a second order
 * @param type          MARKET, LIMIT, STOP_MARKET, TAKE_PROFIT_MARKET
 * @param price         limit or trigger price; null for market orders
 */
public record OrderSubmitted(
        String signalId,
        String clientOrderId,
        String symbol,
        OrderSide side,
        OrderPurpose purpose,
        String type,
        BigDecimal quantity,
        BigDecimal price,
        boolean reduceOnly) {
}
