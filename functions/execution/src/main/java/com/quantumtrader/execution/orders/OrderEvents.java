package com.quantumtrader.execution.orders;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.orders.model.ManagedOrder;
import com.quantumtrader.execution.orders.model.OrderState;
import java.math.BigDecimal;
import java.time.Instant;

/** The events an order produces, each in the trace of the approval that caused the order. */
final class OrderEvents {

    private OrderEvents() {
    }

    static Emit submitted(ManagedOrder order) {
        return Emit.of(EventCatalog.EXECUTION_ORDER_SUBMITTED, new OrderSubmitted(order.signalId(), order.clientOrderId(),
                order.symbol(), order.side(), order.purpose(), order.type().name(), order.quantity(),
                price(order), order.reduceOnly()))
                .inTrace(order.traceId());
    }

    /** The limit price of a LIMIT order, the trigger of a stop or take-profit, nothing for a market order. */
    private static BigDecimal price(ManagedOrder order) {
        return switch (order.type()) {
            case MARKET -> null;
            case LIMIT -> order.limitPrice();
            case STOP_MARKET, TAKE_PROFIT_MARKET -> order.triggerPrice();
        };
    }

    static Emit failed(ManagedOrder order, String code, String message) {
        return Emit.of(EventCatalog.EXECUTION_ORDER_FAILED, new OrderFailed(order.signalId(), order.clientOrderId(),
                order.symbol(), order.side(), order.purpose(), order.quantity(), code, message))
                .inTrace(order.traceId());
    }

    /** A fill of a close the exchange made (liquidation, ADL, a close execution did not send). */
    static Emit exchangeFill(String signalId, String traceId, String clientOrderId, String symbol,
                             com.quantumtrader.events.OrderSide side, OrderPurpose purpose, BigDecimal quantity,
                             BigDecimal cumulative, boolean complete, BigDecimal price, BigDecimal fee,
                             String feeAsset, Instant filledAt) {
        return Emit.of(EventCatalog.EXECUTION_ORDER_FILLED, new OrderFilled(signalId, clientOrderId, symbol, side,
                purpose, quantity, cumulative, complete, price, price, fee, feeAsset, null, null, null, null, filledAt))
                .inTrace(traceId);
    }

    /** An entry fill tells portfolio everything the position needs; exit fills carry only the trade. */
    static Emit filled(ManagedOrder order, ExecutionReport report, Instant filledAt) {
        boolean entry = order.purpose() == OrderPurpose.ENTRY;
        return Emit.of(EventCatalog.EXECUTION_ORDER_FILLED, new OrderFilled(order.signalId(), order.clientOrderId(),
                order.symbol(), order.side(), order.purpose(), report.lastQuantity(), report.cumulativeQuantity(),
                order.state() == OrderState.FILLED, report.lastPrice(), order.expectedPrice(), report.fee(),
                report.feeAsset(), entry ? order.stopPrice() : null, entry ? order.targetPrice() : null,
                entry ? order.strategyId() : null, entry ? order.modelId() : null, filledAt))
                .inTrace(order.traceId());
    }
}
