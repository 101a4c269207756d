package com.quantumtrader.learning.drift;

import static com.quantumtrader.events.EventCatalog.LEARNING_DRIFT_DETECTED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.learning.drift.model.WinRateDrift;
import com.quantumtrader.learning.store.DriftStates;
import com.quantumtrader.learning.store.TradeJournal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drift_detector}: records every closed trade in learning's journal and tests, per strategy, the recent win
 * rate against the baseline ({@link WinRateDrift}); publishes {@code learning.drift.detected} once per crossing. A
 * trade already in the journal (same trade id) is not counted again.
 */
public final class DriftDetector implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DriftDetector.class);

    private final TradeJournal journal;
    private final DriftStates states;

    public DriftDetector(DomainServices services) {
        this.journal = new TradeJournal(services.state());
        this.states = new DriftStates(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        TradeClosed trade = event.payload(TRADE_CLOSED);
        if (!journal.record(trade)) {
            LOG.debug("trade {} already recorded", trade.tradeId());
            return List.of();
        }
        WinRateDrift.Observation seen = WinRateDrift.observe(states.load(trade.strategyId()), trade.strategyId(),
                trade.realizedPnl().signum() > 0);
        states.save(trade.strategyId(), seen.state());
        if (seen.drift().isEmpty()) {
            return List.of();
        }
        DriftDetected drift = seen.drift().get();
        LOG.warn("strategy {} drifts: recent win rate {} vs baseline {} (z = {})", trade.strategyId(),
                drift.recentValue(), drift.baselineValue(), drift.statistic());
        return List.of(Emit.of(LEARNING_DRIFT_DETECTED, drift));
    }
}
