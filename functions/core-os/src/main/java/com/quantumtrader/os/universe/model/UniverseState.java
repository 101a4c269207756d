package com.quantumtrader.os.universe.model;

import java.time.Instant;
import java.util.List;

/**
 * What the active universe is made of, under one key: the liquidity ranking in force (null before the first), the
 * symbols the signal-flow monitor throttles, and the universe in force — as last published, or the policy's
 * universe the platform started with (null before the first ranking or signal).
 */
public record UniverseState(Ranking ranking, List<String> throttled, List<String> published) {

    public UniverseState {
        throttled = List.copyOf(throttled);
        published = published == null ? null : List.copyOf(published);
    }

    public static UniverseState empty() {
        return new UniverseState(null, List.of(), null);
    }

    /** The eligible symbols of portfolio's ranking as of {@code asOf}, most liquid first. */
    public record Ranking(Instant asOf, List<String> eligible) {

        public Ranking {
            eligible = List.copyOf(eligible);
        }
    }
}
