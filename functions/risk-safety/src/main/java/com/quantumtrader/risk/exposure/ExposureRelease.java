package com.quantumtrader.risk.exposure;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.risk.lifecycle.LifecycleBook;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code portfolio.position.closed}: frees the closed position's reservation, books its realised P&L (equity, day,
 * losing streak, stop-out) and closes its lifecycle. Latches the emergency stop when the day's realised loss
 * reaches the policy's {@code emergency.daily_loss}.
 */
public final class ExposureRelease implements EventHandler {

    static final String DAILY_LOSS = "DAILY_LOSS";
    private static final Logger LOG = LoggerFactory.getLogger(ExposureRelease.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final ExposureBook book;
    private final TradeRecord trades;
    private final LifecycleBook lifecycle;
    private final SafetySwitches switches;

    public ExposureRelease(Clock clock, PolicyReader policy, ExposureBook book, TradeRecord trades,
                           LifecycleBook lifecycle, SafetySwitches switches) {
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
        // a liquidation is a stop-out the exchange made: the symbol cools down as after our own stop
        boolean stoppedOut = "STOP_LOSS".equals(closed.exitReason()) || "LIQUIDATION".equals(closed.exitReason());
        trades.closed(closed.symbol(), closed.realizedPnl(), stoppedOut, now);
        lifecycle.advance(closed.signalId(), LifecycleBook.CLOSED, now,
                closed.exitReason() + " pnl " + closed.realizedPnl().toPlainString());
        LOG.info("released {} {} realised_pnl={} equity_pnl={}", closed.symbol(), closed.signalId(),
                closed.realizedPnl().toPlainString(), book.realizedPnl().toPlainString());
        Policy current = policy.current();
        BigDecimal loss = trades.pnlOn(TradeRecord.day(now)).negate();
        BigDecimal hardLimit = RiskPolicy.of(current).emergency().dailyLoss().multiply(current.accountEquity());
        if (loss.compareTo(hardLimit) >= 0) {
            return switches.triggerEmergency(DAILY_LOSS, "realised loss today", loss.toPlainString(), hardLimit.toPlainString(), now, "ess");
        }
        return List.of();
    }
}
