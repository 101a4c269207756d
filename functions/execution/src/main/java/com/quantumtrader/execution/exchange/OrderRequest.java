package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A new order as sent to the exchange.
 *
 * @param triggerPrice stop/take-profit trigger; null for MARKET and LIMIT
 * @param reduceOnly   the order may only shrink the position, never open or flip one
 * @param limitPrice   LIMIT only: the worst price it may trade at; null otherwise
 * @param timeInForce  LIMIT only: how long it lives; null otherwise
 */
public record OrderRequest(
        String clientOrderId,
        String symbol,
        OrderSide side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal triggerPrice,
        boolean reduceOnly,
        BigDecimal limitPrice,
        TimeInForce timeInForce) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
    }

    /** A MARKET, STOP_MARKET or TAKE_PROFIT_MARKET order. */
    public OrderRequest(String clientOrderId, String symbol, OrderSide side, OrderType type, BigDecimal quantity,
                        BigDecimal triggerPrice, boolean reduceOnly) {
        this(clientOrderId, symbol, side, type, quantity, triggerPrice, reduceOnly, null, null);
    }

    /** A LIMIT order at {@code limitPrice} living as {@code timeInForce} says. */
    public static OrderRequest limit(String clientOrderId, String symbol, OrderSide side, BigDecimal quantity,
                                     BigDecimal limitPrice, TimeInForce timeInForce, boolean reduceOnly) {
        return new OrderRequest(clientOrderId, symbol, side, OrderType.LIMIT, quantity, null, reduceOnly, limitPrice,
                Objects.requireNonNull(timeInForce, "timeInForce"));
    }
}
