package com.quantumtrader.learning.retraining.model;

import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.learning.ModelRetrained;
import com.quantumtrader.learning.candidates.model.Candidate;
import com.quantumtrader.learning.journal.model.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether and how a degraded model is refit from the trades learning recorded for it.
 * <ul>
 *   <li>What it fits (honestly, all the journal supports: realised R per trade and its side, no price path): the
 *       set of sides the model should trade, keeping a side only while its mean R is positive or it has fewer than
 *       {@value SideFilterFit#MIN_SIDE_TRADES} trades (see {@link SideFilterFit}). Score: in-sample expectancy in
 *       R per opportunity.</li>
 *   <li>Needs at least {@value #MIN_TRADES_TO_FIT} recorded trades of that model (with an R multiple); fewer and
 *       it waits for the next degradation report.</li>
 *   <li>Cool-down: one refit per strategy per {@link #COOL_DOWN} (24 h of clock time), so a flapping supervisor
 *       cannot make it refit on nearly the same data again and again.</li>
 *   <li>The refit is version + 1 of the model family ({@code ma_crossover@v1} -> {@code ma_crossover@v2}), past
 *       the highest version the strategy reached; it becomes the strategy's shadow candidate, fitted now.</li>
 * </ul>
 */
public final class Refitting {

    public static final int MIN_TRADES_TO_FIT = 10;
    public static final Duration COOL_DOWN = Duration.ofHours(24);
    public static final String METRIC = "in_sample_expectancy_r";

    private Refitting() {
    }

    /** What a degradation report leads to. */
    public sealed interface Decision {
    }

    /** The strategy was refit at {@code lastRetrainedAt}, less than the cool-down ago. */
    public record CoolingDown(Instant lastRetrainedAt) implements Decision {
    }

    /** Only {@code trades} usable trades of the model are recorded. */
    public record TooFewTrades(int trades) implements Decision {
    }

    /** The refit: the state to keep, the shadow candidate, the event, and how many trades it was fitted on. */
    public record Refit(RetrainingState state, Candidate candidate, ModelRetrained retrained, int trades)
            implements Decision {
    }

    /** {@code journal}: the strategy's recorded trades, oldest first. */
    public static Decision decide(ModelDegraded degraded, RetrainingState state, List<JournalEntry> journal,
                                  Instant now) {
        if (state.lastRetrainedAt() != null && now.isBefore(state.lastRetrainedAt().plus(COOL_DOWN))) {
            return new CoolingDown(state.lastRetrainedAt());
        }
        List<JournalEntry> trades = journal.stream()
                .filter(t -> degraded.modelId().equals(t.modelId()) && t.rMultiple() != null)
                .toList();
        if (trades.size() < MIN_TRADES_TO_FIT) {
            return new TooFewTrades(trades.size());
        }
        SideFilterFit.Result fit = SideFilterFit.fit(trades);
        int version = Math.max(state.version(), versionOf(degraded.modelId())) + 1;
        String modelId = familyOf(degraded.modelId()) + "@v" + version;
        String reason = "ai.model.degraded: " + degraded.metric() + " " + degraded.value() + " below "
                + degraded.threshold() + " over " + degraded.windowTrades() + " trades";
        return new Refit(new RetrainingState(version, now),
                new Candidate(modelId, degraded.strategyId(), version, degraded.modelId(), fit.allowedSides(), now),
                new ModelRetrained(modelId, degraded.strategyId(), version, fit.parameters(), METRIC, fit.score(),
                        reason),
                trades.size());
    }

    /** The version in {@code family@vN}; 1 when the id carries none. */
    public static int versionOf(String modelId) {
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

    public static String familyOf(String modelId) {
        int at = modelId.lastIndexOf("@v");
        return at < 0 ? modelId : modelId.substring(0, at);
    }
}
