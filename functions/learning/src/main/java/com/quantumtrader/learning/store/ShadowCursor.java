package com.quantumtrader.learning.store;

import com.quantumtrader.core.state.KeyValueStore;
import java.time.Instant;
import java.util.Optional;

/** The as-of time of the last portfolio snapshot the shadow evaluator took, under {@code shadow:last_as_of}. */
public final class ShadowCursor {

    static final String KEY = "shadow:last_as_of";

    private final KeyValueStore state;

    public ShadowCursor(KeyValueStore state) {
        this.state = state;
    }

    public Optional<Instant> lastAsOf() {
        return state.get(KEY).map(Instant::parse);
    }

    public void save(Instant asOf) {
        state.put(KEY, asOf.toString());
    }
}
