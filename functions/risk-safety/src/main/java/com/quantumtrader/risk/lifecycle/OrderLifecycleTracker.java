package com.quantumtrader.risk.lifecycle;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.risk.model.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.store.LifecycleStore;
import com.quantumtrader.risk.store.OrderHealthStore;
import java.time.Clock;
import java.util.List;

/**
 * {@code execution.order.submitted} and {@code execution.order.filled} of entries: the trade moves on, and a fill
 * tells the emergency stop the exchange works (its failure streak starts over). Publishes nothing.
 */
public final class OrderLifecycleTracker implements EventHandler {

    private final Clock clock;
    private final LifecycleStore lifecycle;
    private final OrderHealthStore orders;

    public OrderLifecycleTracker(Clock clock, LifecycleStore lifecycle, OrderHealthStore orders) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.orders = orders;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        if (event.is(EventCatalog.EXECUTION_ORDER_SUBMITTED)) {
            var submitted = event.payload(EventCatalog.EXECUTION_ORDER_SUBMITTED);
            if (submitted.purpose() == OrderPurpose.ENTRY) {
                lifecycle.advance(submitted.signalId(), TradeLifecycle.SUBMITTED, clock.instant(),
                        submitted.clientOrderId());
            }
            return List.of();
        }
        var filled = event.payload(EventCatalog.EXECUTION_ORDER_FILLED);
        orders.succeeded();
        if (filled.purpose() == OrderPurpose.ENTRY && filled.complete()) {
            lifecycle.advance(filled.signalId(), TradeLifecycle.FILLED, clock.instant(),
                    filled.cumulativeQuantity().toPlainString() + " @ " + filled.price().toPlainString());
        }
        return List.of();
    }
}
