package com.quantumtrader.learning.shadow;

import static com.quantumtrader.events.EventCatalog.LEARNING_STRATEGY_PROMOTED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.learning.StrategyPromoted;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.learning.candidates.model.Candidate;
import com.quantumtrader.learning.shadow.model.ShadowTesting;
import com.quantumtrader.learning.store.Candidates;
import com.quantumtrader.learning.store.ShadowCursor;
import com.quantumtrader.learning.store.TradeJournal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code shadow_evaluator}: on each portfolio snapshot, judges every refit candidate in shadow
 * ({@link ShadowTesting}); a promoted candidate is published as {@code learning.strategy.promoted} (promoted id = the
 * candidate model, replacing the live model) and leaves shadow testing, as does a retired one.
 */
public final class ShadowEvaluator implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowEvaluator.class);

    private final DomainServices services;
    private final TradeJournal journal;
    private final Candidates candidates;
    private final ShadowCursor cursor;

    public ShadowEvaluator(DomainServices services) {
        this.services = services;
        this.journal = new TradeJournal(services.state());
        this.candidates = new Candidates(services.state());
        this.cursor = new ShadowCursor(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PortfolioPerformance performance = event.payload(PORTFOLIO_PERFORMANCE);
        if (!ShadowTesting.isNewer(cursor.lastAsOf(), performance.asOf())) {
            return List.of();
        }
        cursor.save(performance.asOf());
        if (ShadowTesting.decisionsWait(performance.drawdown(), services.policy().current().drawdownAlert())) {
            LOG.debug("drawdown {} at or above the alert: shadow decisions wait", performance.drawdown());
            return List.of();
        }
        List<Emit> promotions = new ArrayList<>();
        for (Candidate candidate : candidates.all()) {
            promotions.addAll(act(ShadowTesting.judge(candidate, journal.tradesOf(candidate.strategyId()))));
        }
        return promotions;
    }

    private List<Emit> act(ShadowTesting.Verdict verdict) {
        Candidate candidate = verdict.candidate();
        if (verdict.outcome() == ShadowTesting.Outcome.PROMOTE) {
            LOG.info("promoting {} over {}: {} {} vs live {} on {} trades", candidate.modelId(),
                    candidate.replacesModelId(), ShadowTesting.METRIC, verdict.shadow(), verdict.live(),
                    verdict.trades());
            candidates.remove(candidate.strategyId());
            return List.of(Emit.of(LEARNING_STRATEGY_PROMOTED, new StrategyPromoted(candidate.modelId(),
                    candidate.replacesModelId(), ShadowTesting.METRIC, verdict.shadow().doubleValue())));
        }
        if (verdict.outcome() == ShadowTesting.Outcome.RETIRE) {
            LOG.info("retiring {}: {} {} vs live {} after {} trades", candidate.modelId(), ShadowTesting.METRIC,
                    verdict.shadow(), verdict.live(), verdict.trades());
            candidates.remove(candidate.strategyId());
        }
        return List.of();
    }
}
