package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.SymbolRules;
import com.quantumtrader.execution.exchange.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The orders execution records before it calls the exchange, as pure values: the entry an approval becomes, the
 * stop and take-profit a position needs, the exit that closes it. Ids are passed in (they derive from signal ids).
 */
public final class OrderDrafts {

    private static final BigDecimal BPS = new BigDecimal("10000");

    private OrderDrafts() {
    }

    /**
     * A MARKET entry, or while the symbol's slippage is high a LIMIT IOC bounded {@code limitOffsetBps} beyond the
     * reference price, rounded onto the tick toward the reference so the bound is never exceeded. Quantity rounds
     * down to the step, stop and target onto the tick.
     */
    public static ManagedOrder entry(String clientOrderId, SignalApproved approval, String traceId,
                                     Optional<SymbolRules> rules, Optional<BigDecimal> limitOffsetBps) {
        BigDecimal quantity = rules.map(r -> r.roundQuantityDown(approval.approvedQuantity()))
                .orElse(approval.approvedQuantity());
        BigDecimal stop = rules.map(r -> r.roundPrice(approval.stopPrice(), RoundingMode.HALF_EVEN))
                .orElse(approval.stopPrice());
        BigDecimal target = rules.map(r -> r.roundPrice(approval.targetPrice(), RoundingMode.HALF_EVEN))
                .orElse(approval.targetPrice());
        OrderSide side = approval.side().entrySide();
        BigDecimal limit = limitOffsetBps.isPresent() && rules.isPresent()
                ? limitPrice(approval, side, rules.get(), limitOffsetBps.get()) : null;
        return new ManagedOrder(clientOrderId, approval.signalId(), traceId,
                approval.symbol(), side, OrderPurpose.ENTRY, limit == null ? OrderType.MARKET : OrderType.LIMIT,
                quantity, null, false, OrderState.NEW, BigDecimal.ZERO, approval.referencePrice(), stop, target,
                approval.strategyId(), approval.modelId(), limit, limit == null ? null : TimeInForce.IOC);
    }

    private static BigDecimal limitPrice(SignalApproved approval, OrderSide side, SymbolRules rules,
                                         BigDecimal offsetBps) {
        BigDecimal factor = BigDecimal.ONE.add(offsetBps.multiply(BigDecimal.valueOf(approval.side().sign()))
                .divide(BPS));
        return rules.roundPrice(approval.referencePrice().multiply(factor),
                side == OrderSide.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /** A reduce-only STOP_MARKET guarding the position {@code source} opened (or replacing the stop it is). */
    public static ManagedOrder stopLoss(ManagedOrder source, String clientOrderId, BigDecimal quantity,
                                        BigDecimal trigger) {
        return protective(source, clientOrderId, OrderPurpose.STOP_LOSS, OrderType.STOP_MARKET, quantity, trigger);
    }

    /** A reduce-only TAKE_PROFIT_MARKET for the position {@code source} opened. */
    public static ManagedOrder takeProfit(ManagedOrder source, String clientOrderId, BigDecimal quantity,
                                          BigDecimal trigger) {
        return protective(source, clientOrderId, OrderPurpose.TAKE_PROFIT, OrderType.TAKE_PROFIT_MARKET, quantity,
                trigger);
    }

    private static ManagedOrder protective(ManagedOrder source, String clientOrderId, OrderPurpose purpose,
                                           OrderType type, BigDecimal quantity, BigDecimal trigger) {
        // an entry's protection trades the other way; a replacement stop trades as the stop it replaces
        OrderSide exitSide = source.purpose() == OrderPurpose.ENTRY
                ? (source.side() == OrderSide.BUY ? OrderSide.SELL : OrderSide.BUY)
                : source.side();
        return new ManagedOrder(clientOrderId, source.signalId(), source.traceId(), source.symbol(), exitSide, purpose,
                type, quantity, trigger, true, OrderState.NEW, BigDecimal.ZERO, trigger, null, null,
                source.strategyId(), source.modelId());
    }

    /** A reduce-only MARKET exit of {@code signedQuantity} (positive long, negative short), measured at {@code lastPrice}. */
    public static ManagedOrder exit(String clientOrderId, TrackedPosition position, BigDecimal signedQuantity,
                                    BigDecimal lastPrice) {
        OrderSide side = signedQuantity.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
        return new ManagedOrder(clientOrderId, position.signalId(), position.traceId(), position.symbol(), side,
                OrderPurpose.EXIT, OrderType.MARKET, signedQuantity.abs(), null, true, OrderState.NEW, BigDecimal.ZERO,
                lastPrice, null, null, null, null);
    }
}
