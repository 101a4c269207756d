package com.quantumtrader.learning.shadow.model;

import com.quantumtrader.learning.candidates.model.Candidate;
import com.quantumtrader.learning.journal.model.JournalEntry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Shadow testing: replays a refit candidate over the live strategy's trades closed after the candidate was fitted
 * (out of sample) and judges it.
 * <ul>
 *   <li>Shadow result: the candidate takes the live trades on its allowed sides and sits out the others (0 R);
 *       both are measured as expectancy in R per opportunity over the same out-of-sample trades.</li>
 *   <li>Promotion, once at least {@value #MIN_OOS_TRADES} out-of-sample trades exist: the candidate's expectancy
 *       is positive and beats the live one by at least {@link #PROMOTION_MARGIN_R} R.</li>
 *   <li>A candidate that has not earned promotion after {@value #MAX_OOS_TRADES} out-of-sample trades is
 *       retired.</li>
 *   <li>No decision while the snapshot's drawdown is at or above the policy's {@code drawdown_alert}: risk is
 *       handling the account then, and swapping models mid-alert would confound both.</li>
 *   <li>Snapshots not newer than the last one evaluated are ignored.</li>
 * </ul>
 */
public final class ShadowTesting {

    public static final int MIN_OOS_TRADES = 10;
    public static final int MAX_OOS_TRADES = 40;
    public static final BigDecimal PROMOTION_MARGIN_R = new BigDecimal("0.10");
    public static final String METRIC = "oos_expectancy_r";

    private ShadowTesting() {
    }

    /** What happens to a candidate: it stays in shadow testing, is promoted, or is retired. */
    public enum Outcome { WAIT, PROMOTE, RETIRE }

    /**
     * The verdict on a candidate over {@code trades} out-of-sample trades; {@code shadow} and {@code live} are
     * expectancies in R, 4 decimals (null below {@value #MIN_OOS_TRADES} trades).
     */
    public record Verdict(Outcome outcome, Candidate candidate, BigDecimal shadow, BigDecimal live, int trades) {
    }

    /** Whether a snapshot as of {@code asOf} is newer than the last one evaluated. */
    public static boolean isNewer(Optional<Instant> lastAsOf, Instant asOf) {
        return lastAsOf.isEmpty() || asOf.isAfter(lastAsOf.get());
    }

    /** Whether decisions wait: the drawdown is at or above the alert. */
    public static boolean decisionsWait(BigDecimal drawdown, BigDecimal drawdownAlert) {
        return drawdown.compareTo(drawdownAlert) >= 0;
    }

    /** {@code strategyTrades}: the journal of the candidate's strategy, oldest first. */
    public static Verdict judge(Candidate candidate, List<JournalEntry> strategyTrades) {
        List<JournalEntry> outOfSample = strategyTrades.stream()
                .filter(t -> t.closedAt().isAfter(candidate.fittedAt()) && t.rMultiple() != null)
                .toList();
        if (outOfSample.size() < MIN_OOS_TRADES) {
            return new Verdict(Outcome.WAIT, candidate, null, null, outOfSample.size());
        }
        BigDecimal live = expectancy(outOfSample, outOfSample.size());
        BigDecimal shadow = expectancy(outOfSample.stream()
                .filter(t -> candidate.allowedSides().contains(t.side())).toList(), outOfSample.size());
        Outcome outcome = shadow.signum() > 0 && shadow.subtract(live).compareTo(PROMOTION_MARGIN_R) >= 0
                ? Outcome.PROMOTE
                : outOfSample.size() >= MAX_OOS_TRADES ? Outcome.RETIRE : Outcome.WAIT;
        return new Verdict(outcome, candidate, shadow, live, outOfSample.size());
    }

    /** Sum of R over {@code trades} per opportunity, 4 decimals. */
    private static BigDecimal expectancy(List<JournalEntry> trades, int opportunities) {
        return trades.stream().map(JournalEntry::rMultiple).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(opportunities), MathContext.DECIMAL64)
                .setScale(4, RoundingMode.HALF_EVEN);
    }
}
