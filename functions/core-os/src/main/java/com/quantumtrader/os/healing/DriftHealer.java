package com.quantumtrader.os.healing;

import static com.quantumtrader.events.EventCatalog.LEARNING_DRIFT_DETECTED;
import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.os.healing.model.Healing;
import com.quantumtrader.os.store.HealingEpisodes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drift_healer}: answers a strategy's adverse drift ({@code learning.drift.detected}) with a self-healing
 * action on that strategy ({@code os.self_healing.triggered}); the rules are {@link Healing}'s.
 */
public final class DriftHealer implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DriftHealer.class);

    private final DomainServices services;
    private final HealingEpisodes episodes;

    public DriftHealer(DomainServices services) {
        this.services = services;
        this.episodes = new HealingEpisodes(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        DriftDetected drift = event.payload(LEARNING_DRIFT_DETECTED);
        Healing.Decision decision =
                Healing.decide(drift, episodes.load(drift.strategyId()), services.clock().instant());
        if (decision instanceof Healing.Upwards) {
            LOG.info("{} drifted upwards on {}: nothing to heal", drift.strategyId(), drift.metric());
        } else if (decision instanceof Healing.AlreadyHealed healed) {
            LOG.debug("{} already healed with {} at {}", drift.strategyId(), healed.episode().action(),
                    healed.episode().startedAt());
        } else if (decision instanceof Healing.Heal heal) {
            episodes.save(drift.strategyId(), heal.episode());
            LOG.warn("{} {}: {}", drift.strategyId(), heal.action(), heal.issue());
            return List.of(Emit.of(OS_SELF_HEALING_TRIGGERED,
                    new SelfHealingTriggered(drift.strategyId(), heal.issue(), heal.action())));
        }
        return List.of();
    }
}
