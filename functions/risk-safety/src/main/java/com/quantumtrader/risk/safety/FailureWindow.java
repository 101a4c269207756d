package com.quantumtrader.risk.safety;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Times of recent order failures, kept only as long as the sliding window needs them. */
final class FailureWindow {

    private static final String KEY = "order_failures";

    private final KeyValueStore state;

    FailureWindow(KeyValueStore state) {
        this.state = state;
    }

    /** Records a failure at {@code at}; returns the failures within {@code window} up to and including it. */
    int record(Instant at, Duration window) {
        Instant from = at.minus(window);
        List<Instant> kept = new ArrayList<>();
        for (Instant failure : load().failedAt()) {
            if (!failure.isBefore(from)) {
                kept.add(failure);
            }
        }
        kept.add(at);
        state.put(KEY, EventJson.write(new Failures(kept)));
        return kept.size();
    }

    void clear() {
        state.delete(KEY);
    }

    private Failures load() {
        return state.get(KEY).map(json -> EventJson.read(json, Failures.class)).orElse(new Failures(List.of()));
    }

    record Failures(List<Instant> failedAt) {
    }
}
