package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A new order as sent to the exchange.
 *
 * @param triggerPrice stop/take-profit trigger; null for MARKET
 * @param reduceOnly   the order may only shrink the position, never open or flip one
 */
public record OrderRequest(
        String clientOrderId,
        String symbol,
        OrderSide side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal triggerPrice,
        boolean reduceOnly) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
    }
}
