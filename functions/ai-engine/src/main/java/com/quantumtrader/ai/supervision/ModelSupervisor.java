package com.quantumtrader.ai.supervision;

import static com.quantumtrader.events.EventCatalog.AI_MODEL_DEGRADED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;

import com.quantumtrader.ai.store.ModelOutcomes;
import com.quantumtrader.ai.supervision.model.DegradationRule;
import com.quantumtrader.ai.supervision.model.OutcomeWindow;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code model_supervisor}: keeps each model's last closed trades and publishes {@code ai.model.degraded} when
 * {@link DegradationRule} says it became degraded. A trade already in the window (same id) is not counted twice.
 */
public final class ModelSupervisor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSupervisor.class);

    private final ModelOutcomes outcomes;

    public ModelSupervisor(DomainServices services) {
        this.outcomes = new ModelOutcomes(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        TradeClosed trade = event.payload(TRADE_CLOSED);
        if (trade.modelId() == null || trade.rMultiple() == null) {
            return List.of();
        }
        OutcomeWindow window = outcomes.load(trade.modelId());
        if (window.contains(trade.tradeId())) {
            return List.of();
        }
        DegradationRule.Verdict verdict = DegradationRule.judge(window.add(new OutcomeWindow.Outcome(
                trade.tradeId(), trade.rMultiple(), trade.realizedPnl().signum() > 0), DegradationRule.WINDOW));
        outcomes.save(trade.modelId(), verdict.window());
        if (verdict.breach() == null) {
            return List.of();
        }
        DegradationRule.Breach breach = verdict.breach();
        LOG.warn("model {} degraded: {} {} below {} over {} trades", trade.modelId(), breach.metric(),
                breach.value(), breach.threshold(), breach.trades());
        return List.of(Emit.of(AI_MODEL_DEGRADED, new ModelDegraded(trade.modelId(), trade.strategyId(),
                breach.metric(), breach.value(), breach.threshold(), breach.trades())));
    }
}
