package com.quantumtrader.os.healing.model;

import com.quantumtrader.events.learning.DriftDetected;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The drift-healing rules: which self-healing action a strategy's drift calls for.
 * <ul>
 *   <li>Adverse: the recent value is below the baseline (every drift metric so far is higher-is-better). A
 *       strategy that drifts upwards needs no healing.</li>
 *   <li>Severity: |statistic| >= {@value #PAUSE_STATISTIC} (the 99.9 % two-sided bound) pauses the strategy
 *       ({@code PAUSE_STRATEGY}); a smaller drift (the detector's own bound already passed) reduces its size
 *       ({@code REDUCE_SIZE}).</li>
 *   <li>Once per strategy per episode: an episode lasts {@link #EPISODE} (24 h) from its action; inside it only an
 *       escalation from {@code REDUCE_SIZE} to {@code PAUSE_STRATEGY} is published again.</li>
 * </ul>
 */
public final class Healing {

    public static final double PAUSE_STATISTIC = 3.291;
    public static final Duration EPISODE = Duration.ofHours(24);
    public static final String PAUSE = "PAUSE_STRATEGY";
    public static final String REDUCE = "REDUCE_SIZE";

    private Healing() {
    }

    /** What to do about a drift. */
    public sealed interface Decision {
    }

    /** The strategy drifted upwards: nothing to heal. */
    public record Upwards() implements Decision {
    }

    /** The episode in force already covers this drift. */
    public record AlreadyHealed(Episode episode) implements Decision {
    }

    /** Publish {@code action} for the strategy; {@code episode} is the episode to remember. */
    public record Heal(String action, String issue, Episode episode) implements Decision {
    }

    public static Decision decide(DriftDetected drift, Optional<Episode> current, Instant now) {
        if (drift.recentValue() >= drift.baselineValue()) {
            return new Upwards();
        }
        String action = Math.abs(drift.statistic()) >= PAUSE_STATISTIC ? PAUSE : REDUCE;
        Episode episode = current.orElse(null);
        boolean inEpisode = episode != null && now.isBefore(episode.startedAt().plus(EPISODE));
        if (inEpisode && !(REDUCE.equals(episode.action()) && PAUSE.equals(action))) {
            return new AlreadyHealed(episode);
        }
        String issue = String.format(Locale.ROOT, "%s drifted to %.4f from %.4f (statistic %.2f, bound %.3f)",
                drift.metric(), drift.recentValue(), drift.baselineValue(), drift.statistic(), drift.threshold());
        return new Heal(action, issue, new Episode(action, inEpisode ? episode.startedAt() : now));
    }
}
