package com.quantumtrader.os.healing;

import static com.quantumtrader.events.EventCatalog.LEARNING_DRIFT_DETECTED;
import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.os.SelfHealingTriggered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drift_healer}: answers a strategy's adverse drift with a self-healing action on that strategy.
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
public final class DriftHealer implements EventHandler {

    static final double PAUSE_STATISTIC = 3.291;
    static final Duration EPISODE = Duration.ofHours(24);
    static final String PAUSE = "PAUSE_STRATEGY";
    static final String REDUCE = "REDUCE_SIZE";

    private static final Logger LOG = LoggerFactory.getLogger(DriftHealer.class);

    private final DomainServices services;

    public DriftHealer(DomainServices services) {
        this.services = services;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        DriftDetected drift = event.payload(LEARNING_DRIFT_DETECTED);
        if (drift.recentValue() >= drift.baselineValue()) {
            LOG.info("{} drifted upwards on {}: nothing to heal", drift.strategyId(), drift.metric());
            return List.of();
        }
        String action = Math.abs(drift.statistic()) >= PAUSE_STATISTIC ? PAUSE : REDUCE;
        Instant now = services.clock().instant();
        String key = "healing:" + drift.strategyId();
        Episode episode = services.state().get(key).map(json -> EventJson.read(json, Episode.class)).orElse(null);
        boolean inEpisode = episode != null && now.isBefore(episode.startedAt().plus(EPISODE));
        if (inEpisode && !(REDUCE.equals(episode.action()) && PAUSE.equals(action))) {
            LOG.debug("{} already healed with {} at {}", drift.strategyId(), episode.action(), episode.startedAt());
            return List.of();
        }
        services.state().put(key, EventJson.write(new Episode(action, inEpisode ? episode.startedAt() : now)));
        String issue = String.format(Locale.ROOT, "%s drifted to %.4f from %.4f (statistic %.2f, bound %.3f)",
                drift.metric(), drift.recentValue(), drift.baselineValue(), drift.statistic(), drift.threshold());
        LOG.warn("{} {}: {}", drift.strategyId(), action, issue);
        return List.of(Emit.of(OS_SELF_HEALING_TRIGGERED,
                new SelfHealingTriggered(drift.strategyId(), issue, action)));
    }

    /** The action taken on a strategy and when its episode started. */
    record Episode(String action, Instant startedAt) {
    }
}
