package com.quantumtrader.local;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.events.EventJson;
import java.util.Optional;

/**
 * The paper run's checkpoint in Redis (the local runtime's own keys, no domain's), written after each completed bar
 * step, and the count of starts, which gives every start its own id randomness (see {@link LocalPlatform}).
 */
final class PaperCheckpoints {

    static final String CHECKPOINT_KEY = "local:paper:checkpoint";
    static final String STARTS_KEY = "local:paper:starts";

    private final RedisConnections redis;

    PaperCheckpoints(RedisConnections redis) {
        this.redis = redis;
    }

    Optional<PaperCheckpoint> load() {
        return Optional.ofNullable(redis.connection().sync().get(CHECKPOINT_KEY))
                .map(json -> EventJson.read(json, PaperCheckpoint.class));
    }

    /** One SET: a checkpoint is replaced whole or not at all. */
    void save(PaperCheckpoint checkpoint) {
        redis.connection().sync().set(CHECKPOINT_KEY, EventJson.write(checkpoint));
    }

    /** Counts this start: 1 for the first start against this Redis, then 2, 3 … */
    long countStart() {
        return redis.connection().sync().incr(STARTS_KEY);
    }

    /** Thrown when Redis holds a checkpoint of another market than the one asked for. */
    static final class MismatchException extends IllegalArgumentException {

        MismatchException(PaperCheckpoint.Market stored, PaperCheckpoint.Market requested, long bars) {
            super("Redis holds a paper run of seed " + stored.seed() + ", symbols " + String.join(",", stored.symbols())
                    + " from " + stored.start() + " at bar " + bars + "; this run asks for seed " + requested.seed()
                    + ", symbols " + String.join(",", requested.symbols()) + " from " + requested.start()
                    + ". Resume it with the same --seed and --symbols, or use another Redis (or delete the key "
                    + CHECKPOINT_KEY + ") to start afresh.");
        }
    }
}
