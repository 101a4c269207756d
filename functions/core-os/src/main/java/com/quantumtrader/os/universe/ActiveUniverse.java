package com.quantumtrader.os.universe;

import static com.quantumtrader.events.EventCatalog.OS_UNIVERSE_UPDATED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.os.UniverseUpdated;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.os.store.UniverseStates;
import com.quantumtrader.os.universe.model.UniverseRules;
import com.quantumtrader.os.universe.model.UniverseState;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the active universe. Two handlers feed it — {@code universe_selector} with portfolio's
 * liquidity ranking, {@code signal_flow_monitor} with the symbols it throttles — and it alone publishes
 * {@code os.universe.updated}: load the state, settle it by {@link UniverseRules}, save, return the event.
 */
public final class ActiveUniverse {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveUniverse.class);

    private final DomainServices services;
    private final UniverseStates states;

    public ActiveUniverse(DomainServices services) {
        this.services = services;
        this.states = new UniverseStates(services.state());
    }

    /** The symbols the signal-flow monitor throttles now, in symbol order. */
    public SortedSet<String> throttled() {
        return new TreeSet<>(states.load().throttled());
    }

    /**
     * The signal-flow monitor's throttled symbols are now {@code throttled}; the universe follows, and so does a
     * change of the policy's universe since the last look.
     */
    public Optional<Emit> throttle(SortedSet<String> throttled) {
        UniverseState state = states.load();
        return settle(new UniverseState(state.ranking(), List.copyOf(throttled), state.published()), "");
    }

    /** A new liquidity ranking; one not newer than the ranking in force changes nothing. */
    Optional<Emit> rank(LiquidityRanked ranked) {
        UniverseState state = states.load();
        if (!UniverseRules.supersedes(state, ranked.asOf())) {
            LOG.info("liquidity ranking as of {} ignored: the one as of {} is in force", ranked.asOf(),
                    state.ranking().asOf());
            return Optional.empty();
        }
        UniverseState.Ranking ranking = new UniverseState.Ranking(ranked.asOf(), ranked.eligible());
        return settle(new UniverseState(ranking, state.throttled(), state.published()),
                "portfolio.liquidity.ranked as of " + ranked.asOf() + ": ");
    }

    private Optional<Emit> settle(UniverseState state, String cause) {
        UniverseRules.Settlement settled = UniverseRules.settle(state, services.policy().current().universe(), cause);
        states.save(settled.state());
        if (!settled.changed()) {
            return Optional.empty();
        }
        LOG.info("universe {} -> {}: {}", settled.previous(), settled.active(), settled.reason());
        return Optional.of(Emit.of(OS_UNIVERSE_UPDATED, new UniverseUpdated(settled.active(), settled.reason())));
    }
}
