package com.quantumtrader.os.universe;

import static com.quantumtrader.events.EventCatalog.OS_UNIVERSE_UPDATED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.os.UniverseUpdated;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the active universe. Two handlers feed it — {@code universe_selector} with portfolio's
 * liquidity ranking, {@code signal_flow_monitor} with the symbols it throttles — and it alone decides the universe
 * and publishes {@code os.universe.updated}.
 * <ul>
 *   <li>Before any ranking: the policy's universe, in its order, minus the throttled symbols.</li>
 *   <li>With a ranking: its eligible symbols that are also in the policy's universe (the policy stays the
 *       operator's upper bound), in rank order, the first {@value #TOP_N}, minus the throttled symbols. A throttled
 *       symbol is not replaced by the next one in rank: a throttle lasts hours, and pulling a less liquid market in
 *       for that long, then out again, would churn the universe for nothing.</li>
 *   <li>{@code os.universe.updated} is published only when the set of symbols differs from the one last published
 *       (before the first publication: the policy's universe, which the platform starts with); a mere reordering
 *       of the ranking is not a change. An empty universe is published as such: nothing may open a position.</li>
 * </ul>
 */
public final class ActiveUniverse {

    /**
     * Most symbols traded at once: the most open positions any risk mode of the default policy allows
     * (AGGRESSIVE's {@code max_open_positions} 6). More symbols than positions would spread the signals over less
     * liquid markets without adding capacity.
     */
    public static final int TOP_N = 6;

    static final String KEY = "universe";

    private static final Logger LOG = LoggerFactory.getLogger(ActiveUniverse.class);

    private final DomainServices services;

    public ActiveUniverse(DomainServices services) {
        this.services = services;
    }

    /** The symbols the signal-flow monitor throttles now, in symbol order. */
    public SortedSet<String> throttled() {
        return new TreeSet<>(load().throttled());
    }

    /**
     * The signal-flow monitor's throttled symbols are now {@code throttled}; the universe follows, and so does a
     * change of the policy's universe since the last look.
     */
    public Optional<Emit> throttle(SortedSet<String> throttled) {
        UniverseState state = load();
        return settle(new UniverseState(state.ranking(), List.copyOf(throttled), state.published()), "");
    }

    /**
     * A new liquidity ranking. One not newer than the ranking in force (a redelivery, or one overtaken by a later
     * ranking) changes nothing.
     */
    Optional<Emit> rank(LiquidityRanked ranking) {
        UniverseState state = load();
        if (state.ranking() != null && !ranking.asOf().isAfter(state.ranking().asOf())) {
            LOG.info("liquidity ranking as of {} ignored: the one as of {} is in force", ranking.asOf(),
                    state.ranking().asOf());
            return Optional.empty();
        }
        UniverseState ranked = new UniverseState(new UniverseState.Ranking(ranking.asOf(), ranking.eligible()),
                state.throttled(), state.published());
        return settle(ranked, "portfolio.liquidity.ranked as of " + ranking.asOf() + ": ");
    }

    private Optional<Emit> settle(UniverseState state, String cause) {
        List<String> policyUniverse = services.policy().current().universe();
        List<String> candidates = state.ranking() == null ? policyUniverse
                : state.ranking().eligible().stream().filter(policyUniverse::contains).limit(TOP_N).toList();
        List<String> active = candidates.stream().filter(s -> !state.throttled().contains(s)).toList();
        List<String> previous = state.published() == null ? policyUniverse : state.published();
        if (new HashSet<>(active).equals(new HashSet<>(previous))) {
            // Remember the universe in force even when nothing was published yet, so that a later change of the
            // policy's universe is measured against it.
            save(new UniverseState(state.ranking(), state.throttled(), previous));
            return Optional.empty();
        }
        List<String> removed = previous.stream().filter(s -> !active.contains(s)).toList();
        List<String> added = active.stream().filter(s -> !previous.contains(s)).toList();
        String reason = cause + "removed " + removed + ", added " + added + "; throttled " + state.throttled();
        LOG.info("universe {} -> {}: {}", previous, active, reason);
        save(new UniverseState(state.ranking(), state.throttled(), active));
        return Optional.of(Emit.of(OS_UNIVERSE_UPDATED, new UniverseUpdated(active, reason)));
    }

    private UniverseState load() {
        return services.state().get(KEY).map(json -> EventJson.read(json, UniverseState.class))
                .orElseGet(UniverseState::empty);
    }

    private void save(UniverseState state) {
        services.state().put(KEY, EventJson.write(state));
    }
}
