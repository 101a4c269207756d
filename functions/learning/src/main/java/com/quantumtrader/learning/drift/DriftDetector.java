package com.quantumtrader.learning.drift;

import static com.quantumtrader.events.EventCatalog.LEARNING_DRIFT_DETECTED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.learning.journal.TradeJournal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drift_detector}: records every closed trade in learning's journal and asks, per strategy, whether the win
 * rate of the last {@value #RECENT_TRADES} trades still looks like the win rate of every trade before them.
 * <ul>
 *   <li>Test: the pooled two-proportion z-test of the recent window against the baseline, once the baseline
 *       holds at least {@value #MIN_BASELINE_TRADES} trades (a win is realised P&L above zero).</li>
 *   <li>Drift when |z| > {@value #Z_CRITICAL} (two-sided, 99 %): by chance alone that happens about once in a
 *       hundred evaluations, so a report is worth acting on.</li>
 *   <li>{@code learning.drift.detected} is published once per crossing: the detector stays latched until |z| is
 *       back within the bound, then can report the next crossing.</li>
 *   <li>A trade already in the journal (same trade id) is not counted again.</li>
 * </ul>
 */
public final class DriftDetector implements EventHandler {

    static final int RECENT_TRADES = 20;
    static final int MIN_BASELINE_TRADES = 30;
    static final double Z_CRITICAL = 2.576;

    private static final Logger LOG = LoggerFactory.getLogger(DriftDetector.class);

    private final DomainServices services;
    private final TradeJournal journal;

    public DriftDetector(DomainServices services) {
        this.services = services;
        this.journal = new TradeJournal(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        TradeClosed trade = event.payload(TRADE_CLOSED);
        if (!journal.record(trade)) {
            LOG.debug("trade {} already recorded", trade.tradeId());
            return List.of();
        }
        String key = "drift:" + trade.strategyId();
        DriftState state = services.state().get(key)
                .map(json -> EventJson.read(json, DriftState.class))
                .orElseGet(DriftState::empty)
                .add(trade.realizedPnl().signum() > 0, RECENT_TRADES);
        Emit report = null;
        if (state.recent().size() == RECENT_TRADES && state.baselineTrades() >= MIN_BASELINE_TRADES) {
            int recentWins = state.recentWins();
            double z = TwoProportionZTest.z(recentWins, RECENT_TRADES, state.baselineWins(), state.baselineTrades());
            boolean drifting = Math.abs(z) > Z_CRITICAL;
            if (drifting && !state.latched()) {
                DriftDetected drift = new DriftDetected(trade.strategyId(), "win_rate",
                        (double) recentWins / RECENT_TRADES,
                        (double) state.baselineWins() / state.baselineTrades(),
                        z, Z_CRITICAL, RECENT_TRADES, state.baselineTrades());
                LOG.warn("strategy {} drifts: recent win rate {} vs baseline {} (z = {})", trade.strategyId(),
                        drift.recentValue(), drift.baselineValue(), z);
                report = Emit.of(LEARNING_DRIFT_DETECTED, drift);
            }
            state = state.withLatched(drifting);
        }
        services.state().put(key, EventJson.write(state));
        return report == null ? List.of() : List.of(report);
    }
}
