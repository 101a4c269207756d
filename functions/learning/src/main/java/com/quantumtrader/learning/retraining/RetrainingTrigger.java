package com.quantumtrader.learning.retraining;

import static com.quantumtrader.events.EventCatalog.AI_MODEL_DEGRADED;
import static com.quantumtrader.events.EventCatalog.LEARNING_MODEL_RETRAINED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.learning.retraining.model.Refitting;
import com.quantumtrader.learning.store.Candidates;
import com.quantumtrader.learning.store.RetrainingStates;
import com.quantumtrader.learning.store.TradeJournal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retraining_trigger}: refits a degraded model ({@code ai.model.degraded}) from the trades learning recorded
 * for it ({@link Refitting}), publishes the refit as {@code learning.model.retrained} and parks it as the strategy's
 * shadow candidate; the shadow evaluator decides on promotion from trades closed after the fit.
 */
public final class RetrainingTrigger implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainingTrigger.class);

    private final DomainServices services;
    private final TradeJournal journal;
    private final Candidates candidates;
    private final RetrainingStates states;

    public RetrainingTrigger(DomainServices services) {
        this.services = services;
        this.journal = new TradeJournal(services.state());
        this.candidates = new Candidates(services.state());
        this.states = new RetrainingStates(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        ModelDegraded degraded = event.payload(AI_MODEL_DEGRADED);
        Refitting.Decision decision = Refitting.decide(degraded, states.load(degraded.strategyId()),
                journal.tradesOf(degraded.strategyId()), services.clock().instant());
        if (decision instanceof Refitting.CoolingDown cooling) {
            LOG.info("model {} degraded but {} was refit at {}: cooling down", degraded.modelId(),
                    degraded.strategyId(), cooling.lastRetrainedAt());
        } else if (decision instanceof Refitting.TooFewTrades few) {
            LOG.info("model {} degraded but only {} of its trades are recorded (need {}): no refit",
                    degraded.modelId(), few.trades(), Refitting.MIN_TRADES_TO_FIT);
        } else if (decision instanceof Refitting.Refit refit) {
            states.save(degraded.strategyId(), refit.state());
            candidates.put(refit.candidate());
            LOG.info("refit {} -> {} on {} trades: {} = {} {}", degraded.modelId(), refit.retrained().modelId(),
                    refit.trades(), Refitting.METRIC, refit.retrained().score(), refit.retrained().parameters());
            return List.of(Emit.of(LEARNING_MODEL_RETRAINED, refit.retrained()));
        }
        return List.of();
    }
}
