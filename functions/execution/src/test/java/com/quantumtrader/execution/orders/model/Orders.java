package com.quantumtrader.execution.orders.model;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;

/** Fixture builders for the order model's tests: plain values, no store. */
final class Orders {

    static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("5"));

    private Orders() {
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static ManagedOrder entry(OrderSide side, String quantity, OrderState state, String filled) {
        return new ManagedOrder("E-SIG", "SIG", "TRACE", "BTCUSDT", side, OrderPurpose.ENTRY, OrderType.MARKET,
                dec(quantity), null, false, state, dec(filled), dec("60000.0"), dec("59000.0"), dec("62000.0"),
                "trend", "trend-v1");
    }

    static ManagedOrder order(OrderPurpose purpose, OrderState state) {
        return new ManagedOrder("X-SIG", "SIG", "TRACE", "BTCUSDT", OrderSide.SELL, purpose, OrderType.STOP_MARKET,
                dec("0.010"), dec("59000.0"), true, state, BigDecimal.ZERO, dec("59000.0"), null, null, "trend",
                "trend-v1");
    }

    static TrackedPosition longPosition(String quantity) {
        return new TrackedPosition("BTCUSDT", "SIG", "TRACE", Side.LONG, dec(quantity), null, null, 0);
    }

    static SignalApproved approval(Side side, String quantity, String reference, String stop, String target) {
        return new SignalApproved("SIG", "BTCUSDT", side, dec(quantity), dec(reference), dec(stop), dec(target),
                "trend", "trend-v1");
    }
}
