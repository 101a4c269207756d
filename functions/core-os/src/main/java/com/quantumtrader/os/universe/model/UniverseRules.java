package com.quantumtrader.os.universe.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * How the active universe follows from its state and the policy's universe.
 * <ul>
 *   <li>Before any ranking: the policy's universe, in its order, minus the throttled symbols.</li>
 *   <li>With a ranking: its eligible symbols that are also in the policy's universe (the policy stays the
 *       operator's upper bound), in rank order, the first {@value #TOP_N}, minus the throttled symbols. A throttled
 *       symbol is not replaced by the next one in rank: a throttle lasts hours, and pulling a less liquid market in
 *       for that long, then out again, would churn the universe for nothing.</li>
 *   <li>A change is published only when the set of symbols differs from the one last published (before the first
 *       publication: the policy's universe, which the platform starts with); a mere reordering of the ranking is
 *       not a change. An empty universe is published as such: nothing may open a position.</li>
 *   <li>A ranking not newer than the ranking in force (a redelivery, or one overtaken by a later ranking) changes
 *       nothing.</li>
 * </ul>
 */
public final class UniverseRules {

    /**
     * Most symbols traded at once: the most open positions any risk mode of the default policy allows
     * (AGGRESSIVE's {@code max_open_positions} 6). More symbols than positions would spread the signals over less
     * liquid markets without adding capacity.
     */
    public static final int TOP_N = 6;

    private UniverseRules() {
    }

    /**
     * The universe settled: the state to keep and, when the set of symbols changed, the new universe with its
     * reason ({@code active} and {@code reason} null when nothing changed).
     */
    public record Settlement(UniverseState state, List<String> previous, List<String> active, String reason) {

        public boolean changed() {
            return active != null;
        }
    }

    /** Whether a ranking as of {@code asOf} would replace the ranking in force. */
    public static boolean supersedes(UniverseState state, Instant asOf) {
        return state.ranking() == null || asOf.isAfter(state.ranking().asOf());
    }

    /** The universe {@code state} calls for under the policy's universe; {@code cause} prefixes the reason. */
    public static Settlement settle(UniverseState state, List<String> policyUniverse, String cause) {
        List<String> candidates = state.ranking() == null ? policyUniverse
                : state.ranking().eligible().stream().filter(policyUniverse::contains).limit(TOP_N).toList();
        List<String> active = candidates.stream().filter(s -> !state.throttled().contains(s)).toList();
        List<String> previous = state.published() == null ? policyUniverse : state.published();
        if (new HashSet<>(active).equals(new HashSet<>(previous))) {
            // Remember the universe in force even when nothing was published yet, so that a later change of the
            // policy's universe is measured against it.
            return new Settlement(new UniverseState(state.ranking(), state.throttled(), previous), previous, null,
                    null);
        }
        List<String> removed = previous.stream().filter(s -> !active.contains(s)).toList();
        List<String> added = active.stream().filter(s -> !previous.contains(s)).toList();
        String reason = cause + "removed " + removed + ", added " + added + "; throttled " + state.throttled();
        return new Settlement(new UniverseState(state.ranking(), state.throttled(), active), previous, active, reason);
    }
}
