package com.quantumtrader.risk.lifecycle;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.risk.model.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.store.LifecycleStore;
import java.time.Clock;
import java.util.List;

/** {@code portfolio.position.opened}: the trade is open. Publishes nothing. */
public final class PositionLifecycleTracker implements EventHandler {

    private final Clock clock;
    private final LifecycleStore lifecycle;

    public PositionLifecycleTracker(Clock clock, LifecycleStore lifecycle) {
        this.clock = clock;
        this.lifecycle = lifecycle;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        var opened = event.payload(EventCatalog.PORTFOLIO_POSITION_OPENED);
        lifecycle.advance(opened.signalId(), TradeLifecycle.OPEN, clock.instant(), opened.positionId());
        return List.of();
    }
}
