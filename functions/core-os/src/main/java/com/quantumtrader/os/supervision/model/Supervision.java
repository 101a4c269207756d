package com.quantumtrader.os.supervision.model;

import com.quantumtrader.events.os.SelfHealingTriggered;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The performance-supervision rules over the portfolio's periodic snapshots.
 * <ul>
 *   <li>Stalled: the snapshot arrives more than {@link #STALE_AFTER} (3 h; the portfolio reports hourly) after the
 *       previous one: component {@code portfolio}, action {@code RESYNC_PORTFOLIO} (its view of positions may be
 *       stale). Detected when the next snapshot comes, since a missing one announces nothing.</li>
 *   <li>Deteriorating: drawdown at or above {@link #WARN_SHARE} x policy {@code drawdown_alert} (7.5 % with the
 *       default 10 %): component {@code risk_safety}, action {@code RECOMMEND_SAFE_MODE}, before risk's own
 *       drawdown guard trips. Once per episode: the episode ends when drawdown falls below half that level.</li>
 *   <li>Snapshots not newer than the last one seen are ignored.</li>
 * </ul>
 */
public final class Supervision {

    public static final Duration STALE_AFTER = Duration.ofHours(3);
    public static final BigDecimal WARN_SHARE = new BigDecimal("0.75");
    public static final BigDecimal REARM_SHARE = new BigDecimal("0.5");

    private Supervision() {
    }

    /** The watch after the snapshot and the self-healing actions it calls for, in publication order. */
    public record Review(Watch watch, List<SelfHealingTriggered> actions) {
    }

    /** Empty when the snapshot as of {@code asOf} is not newer than the last one seen. */
    public static Optional<Review> review(Watch watch, Instant asOf, BigDecimal drawdown, BigDecimal drawdownAlert) {
        if (watch.lastAsOf() != null && !asOf.isAfter(watch.lastAsOf())) {
            return Optional.empty();
        }
        List<SelfHealingTriggered> actions = new ArrayList<>();
        if (watch.lastAsOf() != null) {
            Duration gap = Duration.between(watch.lastAsOf(), asOf);
            if (gap.compareTo(STALE_AFTER) > 0) {
                String issue = "no performance snapshot for " + gap.toMinutes() + " min (tolerated "
                        + STALE_AFTER.toMinutes() + " min)";
                actions.add(new SelfHealingTriggered("portfolio", issue, "RESYNC_PORTFOLIO"));
            }
        }
        BigDecimal warn = drawdownAlert.multiply(WARN_SHARE);
        boolean latched = watch.drawdownLatched();
        if (!latched && drawdown.compareTo(warn) >= 0) {
            String issue = "drawdown " + drawdown.toPlainString() + " reached "
                    + warn.stripTrailingZeros().toPlainString() + " (" + WARN_SHARE.movePointRight(2).toPlainString()
                    + " % of the drawdown alert)";
            actions.add(new SelfHealingTriggered("risk_safety", issue, "RECOMMEND_SAFE_MODE"));
            latched = true;
        } else if (latched && drawdown.compareTo(warn.multiply(REARM_SHARE)) < 0) {
            latched = false;
        }
        return Optional.of(new Review(new Watch(asOf, latched), List.copyOf(actions)));
    }
}
