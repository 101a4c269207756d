package com.quantumtrader.learning.retraining;

import static com.quantumtrader.events.EventCatalog.AI_MODEL_DEGRADED;
import static com.quantumtrader.events.EventCatalog.LEARNING_MODEL_RETRAINED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.learning.ModelRetrained;
import com.quantumtrader.learning.candidates.Candidate;
import com.quantumtrader.learning.candidates.Candidates;
import com.quantumtrader.learning.journal.JournalEntry;
import com.quantumtrader.learning.journal.TradeJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retraining_trigger}: refits a degraded model from the trades learning recorded for it.
 * <ul>
 *   <li>What it fits (honestly, all the journal supports: realised R per trade and its side, no price path): the
 *       set of sides the model should trade, keeping a side only while its mean R is positive or it has fewer than
 *       {@value SideFilterFit#MIN_SIDE_TRADES} trades (see {@link SideFilterFit}). Score: in-sample expectancy in
 *       R per opportunity.</li>
 *   <li>Needs at least {@value #MIN_TRADES_TO_FIT} recorded trades of that model; fewer and it waits for the next
 *       degradation report.</li>
 *   <li>Cool-down: one refit per strategy per {@link #COOL_DOWN} (24 h of clock time), so a flapping supervisor
 *       cannot make it refit on nearly the same data again and again.</li>
 *   <li>The refit is version + 1 of the model family ({@code ma_crossover@v1} -> {@code ma_crossover@v2}),
 *       published as {@code learning.model.retrained} and parked as the strategy's shadow candidate; the shadow
 *       evaluator decides on promotion from trades closed after the fit.</li>
 * </ul>
 */
public final class RetrainingTrigger implements EventHandler {

    static final int MIN_TRADES_TO_FIT = 10;
    static final Duration COOL_DOWN = Duration.ofHours(24);
    static final String METRIC = "in_sample_expectancy_r";

    private static final Logger LOG = LoggerFactory.getLogger(RetrainingTrigger.class);

    private final DomainServices services;
    private final TradeJournal journal;
    private final Candidates candidates;

    public RetrainingTrigger(DomainServices services) {
        this.services = services;
        this.journal = new TradeJournal(services.state());
        this.candidates = new Candidates(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        ModelDegraded degraded = event.payload(AI_MODEL_DEGRADED);
        Instant now = services.clock().instant();
        String key = "retraining:" + degraded.strategyId();
        RetrainingState state = services.state().get(key)
                .map(json -> EventJson.read(json, RetrainingState.class))
                .orElseGet(RetrainingState::initial);
        if (state.lastRetrainedAt() != null && now.isBefore(state.lastRetrainedAt().plus(COOL_DOWN))) {
            LOG.info("model {} degraded but {} was refit at {}: cooling down", degraded.modelId(),
                    degraded.strategyId(), state.lastRetrainedAt());
            return List.of();
        }
        List<JournalEntry> trades = journal.tradesOf(degraded.strategyId()).stream()
                .filter(t -> degraded.modelId().equals(t.modelId()) && t.rMultiple() != null)
                .toList();
        if (trades.size() < MIN_TRADES_TO_FIT) {
            LOG.info("model {} degraded but only {} of its trades are recorded (need {}): no refit",
                    degraded.modelId(), trades.size(), MIN_TRADES_TO_FIT);
            return List.of();
        }
        SideFilterFit.Result fit = SideFilterFit.fit(trades);
        int version = Math.max(state.version(), versionOf(degraded.modelId())) + 1;
        String modelId = familyOf(degraded.modelId()) + "@v" + version;
        services.state().put(key, EventJson.write(new RetrainingState(version, now)));
        candidates.put(new Candidate(modelId, degraded.strategyId(), version, degraded.modelId(),
                fit.allowedSides(), now));
        String reason = "ai.model.degraded: " + degraded.metric() + " " + degraded.value() + " below "
                + degraded.threshold() + " over " + degraded.windowTrades() + " trades";
        LOG.info("refit {} -> {} on {} trades: {} = {} {}", degraded.modelId(), modelId, trades.size(), METRIC,
                fit.score(), fit.parameters());
        return List.of(Emit.of(LEARNING_MODEL_RETRAINED, new ModelRetrained(modelId, degraded.strategyId(), version,
                fit.parameters(), METRIC, fit.score(), reason)));
    }

    /** The version in {@code family@vN}; 1 when the id carries none. */
    static int versionOf(String modelId) {
        int at = modelId.lastIndexOf("@v");
        if (at < 0) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(modelId.substring(at + 2)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String familyOf(String modelId) {
        int at = modelId.lastIndexOf("@v");
        return at < 0 ? modelId : modelId.substring(0, at);
    }

    /** The last version this strategy's models reached and when the last refit ran. */
    record RetrainingState(int version, Instant lastRetrainedAt) {

        static RetrainingState initial() {
            return new RetrainingState(1, null);
        }
    }
}
