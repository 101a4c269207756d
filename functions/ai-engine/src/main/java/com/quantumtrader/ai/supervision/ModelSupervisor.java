package com.quantumtrader.ai.supervision;

import static com.quantumtrader.events.EventCatalog.AI_MODEL_DEGRADED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code model_supervisor}: watches each model's live results over its last {@value #WINDOW} closed trades.
 * <ul>
 *   <li>Degraded, with at least {@value #MIN_TRADES} trades in the window, when the win rate (share of trades with
 *       positive realised P&L) is below {@value #MIN_WIN_RATE} or the mean R multiple is below
 *       {@value #MIN_MEAN_R}. With the orchestrator's 1.5 R target and 1 R stop, a 30 % win rate is an expectancy
 *       of about -0.25 R per trade: the model is losing money, not just unlucky.</li>
 *   <li>{@code ai.model.degraded} is published once when the model becomes degraded (the win-rate breach is named
 *       first when both are breached), then the supervisor stays quiet until the model recovers: win rate at
 *       least {@value #RECOVERY_WIN_RATE} and mean R at least {@value #RECOVERY_MEAN_R} (hysteresis, so a model on
 *       the edge does not alert on every trade). After recovery it can alert again.</li>
 *   <li>A trade already in the window (same trade id) is not counted twice.</li>
 * </ul>
 */
public final class ModelSupervisor implements EventHandler {

    static final int WINDOW = 20;
    static final int MIN_TRADES = 10;
    static final double MIN_WIN_RATE = 0.30;
    static final double MIN_MEAN_R = -0.25;
    static final double RECOVERY_WIN_RATE = 0.35;
    static final double RECOVERY_MEAN_R = -0.10;

    private static final Logger LOG = LoggerFactory.getLogger(ModelSupervisor.class);

    private final DomainServices services;

    public ModelSupervisor(DomainServices services) {
        this.services = services;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        TradeClosed trade = event.payload(TRADE_CLOSED);
        if (trade.modelId() == null || trade.rMultiple() == null) {
            LOG.debug("trade {} has no model or R multiple: nothing to supervise", trade.tradeId());
            return List.of();
        }
        String key = "model:" + trade.modelId();
        OutcomeWindow window = services.state().get(key)
                .map(json -> EventJson.read(json, OutcomeWindow.class))
                .orElseGet(OutcomeWindow::empty);
        if (window.contains(trade.tradeId())) {
            return List.of();
        }
        window = window.add(new OutcomeWindow.Outcome(trade.tradeId(), trade.rMultiple(),
                trade.realizedPnl().signum() > 0), WINDOW);
        int trades = window.outcomes().size();
        double winRate = window.winRate();
        double meanR = window.meanR();
        Emit alert = null;
        if (!window.degraded() && trades >= MIN_TRADES && (winRate < MIN_WIN_RATE || meanR < MIN_MEAN_R)) {
            boolean winRateBreached = winRate < MIN_WIN_RATE;
            ModelDegraded degraded = new ModelDegraded(trade.modelId(), trade.strategyId(),
                    winRateBreached ? "win_rate" : "mean_r_multiple",
                    winRateBreached ? winRate : meanR,
                    winRateBreached ? MIN_WIN_RATE : MIN_MEAN_R,
                    trades);
            LOG.warn("model {} degraded: {} {} below {} over {} trades", trade.modelId(), degraded.metric(),
                    degraded.value(), degraded.threshold(), trades);
            alert = Emit.of(AI_MODEL_DEGRADED, degraded);
            window = window.withDegraded(true);
        } else if (window.degraded() && winRate >= RECOVERY_WIN_RATE && meanR >= RECOVERY_MEAN_R) {
            LOG.info("model {} recovered: win rate {} mean R {}", trade.modelId(), winRate, meanR);
            window = window.withDegraded(false);
        }
        services.state().put(key, EventJson.write(window));
        return alert == null ? List.of() : List.of(alert);
    }
}
