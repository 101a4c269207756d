package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.TimeInForce;
import java.math.BigDecimal;

/**
 * Execution's record of one order, persisted at every state change.
 *
 * @param traceId       trace of the approval that caused the order; its events are published in it
 * @param triggerPrice  stop/take-profit trigger; null for market and limit orders
 * @param expectedPrice price the order is measured against for slippage (reference, trigger or last price)
 * @param stopPrice     entry only: the protective stop the position gets, on the tick grid
 * @param targetPrice   entry only: the take-profit the position gets, on the tick grid
 * @param limitPrice    LIMIT only (adaptive entries): the worst price it may trade at; null otherwise
 * @param timeInForce   LIMIT only: how long it lives on the exchange; null otherwise
 */
public record ManagedOrder(
        String clientOrderId,
        String signalId,
        String traceId,
        String symbol,
        OrderSide side,
        OrderPurpose purpose,
        OrderType type,
        BigDecimal quantity,
        BigDecimal triggerPrice,
        boolean reduceOnly,
        OrderState state,
        BigDecimal filledQuantity,
        BigDecimal expectedPrice,
        BigDecimal stopPrice,
        BigDecimal targetPrice,
        String strategyId,
        String modelId,
        BigDecimal limitPrice,
        TimeInForce timeInForce) {

    /** A market, stop or take-profit order. */
    public ManagedOrder(String clientOrderId, String signalId, String traceId, String symbol, OrderSide side,
                 OrderPurpose purpose, OrderType type, BigDecimal quantity, BigDecimal triggerPrice, boolean reduceOnly,
                 OrderState state, BigDecimal filledQuantity, BigDecimal expectedPrice, BigDecimal stopPrice,
                 BigDecimal targetPrice, String strategyId, String modelId) {
        this(clientOrderId, signalId, traceId, symbol, side, purpose, type, quantity, triggerPrice, reduceOnly, state,
                filledQuantity, expectedPrice, stopPrice, targetPrice, strategyId, modelId, null, null);
    }

    public ManagedOrder withState(OrderState next) {
        return new ManagedOrder(clientOrderId, signalId, traceId, symbol, side, purpose, type, quantity, triggerPrice,
                reduceOnly, state.moveTo(next), filledQuantity, expectedPrice, stopPrice, targetPrice, strategyId, modelId,
                limitPrice, timeInForce);
    }

    public ManagedOrder withFill(BigDecimal cumulativeQuantity) {
        OrderState next = cumulativeQuantity.compareTo(quantity) >= 0 ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
        return new ManagedOrder(clientOrderId, signalId, traceId, symbol, side, purpose, type, quantity, triggerPrice,
                reduceOnly, state.moveTo(next), cumulativeQuantity, expectedPrice, stopPrice, targetPrice, strategyId,
                modelId, limitPrice, timeInForce);
    }

    public OrderRequest request() {
        return new OrderRequest(clientOrderId, symbol, side, type, quantity, triggerPrice, reduceOnly, limitPrice,
                timeInForce);
    }
}
