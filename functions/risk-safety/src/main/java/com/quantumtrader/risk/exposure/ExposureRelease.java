package com.quantumtrader.risk.exposure;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.risk.model.exposure.DailyLossStop;
import com.quantumtrader.risk.model.exposure.TradeTally;
import com.quantumtrader.risk.model.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.safety.SafetySwitches;
import com.quantumtrader.risk.store.ExposureStore;
import com.quantumtrader.risk.store.LifecycleStore;
import com.quantumtrader.risk.store.TradeRecordStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code portfolio.position.closed}: frees the closed position's reservation, books its realised P&L (equity, day,
 * losing streak, stop-out) and closes its lifecycle. Latches the emergency stop when the day's realised loss
 * reaches the policy's {@code emergency.daily_loss}.
 */
public final class ExposureRelease implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExposureRelease.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final ExposureStore book;
    private final TradeRecordStore trades;
    private final LifecycleStore lifecycle;
    private final SafetySwitches switches;

    public ExposureRelease(Clock clock, PolicyReader policy, ExposureStore book, TradeRecordStore trades,
                           LifecycleStore lifecycle, SafetySwitches switches) {
        this.clock = clock;
        this.policy = policy;
        this.book = book;
        this.trades = trades;
        this.lifecycle = lifecycle;
        this.switches = switches;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PositionClosed closed = event.payload(EventCatalog.PORTFOLIO_POSITION_CLOSED);
        Instant now = clock.instant();
        if (book.release(closed.signalId()).isEmpty()) {
            LOG.warn("position {} of signal {} closed without a reservation", closed.positionId(), closed.signalId());
        }
        // The runtime dedupes on event_id, so each close is booked exactly once.
        book.addRealizedPnl(closed.realizedPnl());
        TradeTally tally = trades.tally(TradeTally.dayOf(now)).afterClose(closed.realizedPnl(), now);
        trades.save(tally, DailyLossStop.stoppedOut(closed.exitReason()) ? Optional.of(closed.symbol()) : Optional.empty(),
                now);
        lifecycle.advance(closed.signalId(), TradeLifecycle.CLOSED, now,
                closed.exitReason() + " pnl " + closed.realizedPnl().toPlainString());
        LOG.info("released {} {} realised_pnl={} equity_pnl={}", closed.symbol(), closed.signalId(),
                closed.realizedPnl().toPlainString(), book.realizedPnl().toPlainString());
        return DailyLossStop.check(tally, policy.current())
                .map(stop -> switches.triggerEmergency(DailyLossStop.REASON, stop.figure(), stop.value(),
                        stop.threshold(), now, "ess"))
                .orElse(List.of());
    }
}
