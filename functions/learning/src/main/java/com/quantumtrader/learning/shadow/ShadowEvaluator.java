package com.quantumtrader.learning.shadow;

import static com.quantumtrader.events.EventCatalog.LEARNING_STRATEGY_PROMOTED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.learning.StrategyPromoted;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.learning.candidates.Candidate;
import com.quantumtrader.learning.candidates.Candidates;
import com.quantumtrader.learning.journal.JournalEntry;
import com.quantumtrader.learning.journal.TradeJournal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code shadow_evaluator}: on each portfolio snapshot, replays every refit candidate in shadow over the live
 * strategy's trades closed after the candidate was fitted (out of sample), and promotes the ones that earn their
 * place.
 * <ul>
 *   <li>Shadow result: the candidate takes the live trades on its allowed sides and sits out the others (0 R);
 *       both are measured as expectancy in R per opportunity over the same out-of-sample trades.</li>
 *   <li>Promotion, once at least {@value #MIN_OOS_TRADES} out-of-sample trades exist: the candidate's expectancy
 *       is positive and beats the live one by at least {@value #PROMOTION_MARGIN_R} R. Published as
 *       {@code learning.strategy.promoted} (promoted id = the candidate model, replacing the live model) and the
 *       candidate leaves shadow testing.</li>
 *   <li>No promotion while the snapshot's drawdown is at or above the policy's {@code drawdown_alert}: risk is
 *       handling the account then, and swapping models mid-alert would confound both (retirement waits
 *       too).</li>
 *   <li>A candidate that has not earned promotion after {@value #MAX_OOS_TRADES} out-of-sample trades is
 *       retired.</li>
 *   <li>Snapshots not newer than the last one evaluated are ignored.</li>
 * </ul>
 */
public final class ShadowEvaluator implements EventHandler {

    static final int MIN_OOS_TRADES = 10;
    static final int MAX_OOS_TRADES = 40;
    static final BigDecimal PROMOTION_MARGIN_R = new BigDecimal("0.10");
    static final String METRIC = "oos_expectancy_r";
    static final String LAST_AS_OF_KEY = "shadow:last_as_of";

    private static final Logger LOG = LoggerFactory.getLogger(ShadowEvaluator.class);

    private final DomainServices services;
    private final TradeJournal journal;
    private final Candidates candidates;

    public ShadowEvaluator(DomainServices services) {
        this.services = services;
        this.journal = new TradeJournal(services.state());
        this.candidates = new Candidates(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PortfolioPerformance performance = event.payload(PORTFOLIO_PERFORMANCE);
        Instant lastAsOf = services.state().get(LAST_AS_OF_KEY).map(Instant::parse).orElse(null);
        if (lastAsOf != null && !performance.asOf().isAfter(lastAsOf)) {
            return List.of();
        }
        services.state().put(LAST_AS_OF_KEY, performance.asOf().toString());
        if (performance.drawdown().compareTo(services.policy().current().drawdownAlert()) >= 0) {
            LOG.debug("drawdown {} at or above the alert: shadow decisions wait", performance.drawdown());
            return List.of();
        }
        List<Emit> promotions = new ArrayList<>();
        for (Candidate candidate : candidates.all()) {
            List<JournalEntry> outOfSample = journal.tradesOf(candidate.strategyId()).stream()
                    .filter(t -> t.closedAt().isAfter(candidate.fittedAt()) && t.rMultiple() != null)
                    .toList();
            if (outOfSample.size() < MIN_OOS_TRADES) {
                continue;
            }
            BigDecimal live = expectancy(outOfSample, outOfSample.size());
            BigDecimal shadow = expectancy(outOfSample.stream()
                    .filter(t -> candidate.allowedSides().contains(t.side())).toList(), outOfSample.size());
            if (shadow.signum() > 0 && shadow.subtract(live).compareTo(PROMOTION_MARGIN_R) >= 0) {
                LOG.info("promoting {} over {}: {} {} vs live {} on {} trades", candidate.modelId(),
                        candidate.replacesModelId(), METRIC, shadow, live, outOfSample.size());
                candidates.remove(candidate.strategyId());
                promotions.add(Emit.of(LEARNING_STRATEGY_PROMOTED, new StrategyPromoted(candidate.modelId(),
                        candidate.replacesModelId(), METRIC, shadow.doubleValue())));
            } else if (outOfSample.size() >= MAX_OOS_TRADES) {
                LOG.info("retiring {}: {} {} vs live {} after {} trades", candidate.modelId(), METRIC, shadow, live,
                        outOfSample.size());
                candidates.remove(candidate.strategyId());
            }
        }
        return promotions;
    }

    /** Sum of R over {@code trades} per opportunity, 4 decimals. */
    private static BigDecimal expectancy(List<JournalEntry> trades, int opportunities) {
        return trades.stream().map(JournalEntry::rMultiple).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(opportunities), MathContext.DECIMAL64)
                .setScale(4, RoundingMode.HALF_EVEN);
    }
}
