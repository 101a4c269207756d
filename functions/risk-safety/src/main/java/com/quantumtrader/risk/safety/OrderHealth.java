package com.quantumtrader.risk.safety;

import com.quantumtrader.core.state.KeyValueStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Order failures in a row (no fill in between) and since when the exchange has been unreachable, for the
 * emergency stop. A fill clears both.
 */
public final class OrderHealth {

    /** Error codes that say the exchange could not be reached (ours, and Binance's disconnect and timeout). */
    public static final Set<String> UNREACHABLE_CODES = Set.of("EXCHANGE_UNREACHABLE", "TIMEOUT", "-1001", "-1007");

    private final KeyValueStore state;

    public OrderHealth(KeyValueStore state) {
        this.state = state;
    }

    /** Counts a failure; returns the failures in a row, this one included. */
    long failed(String errorCode, Instant at) {
        if (UNREACHABLE_CODES.contains(errorCode) && state.get("unreachable_since").isEmpty()) {
            state.put("unreachable_since", at.toString());
        }
        return state.increment("failures_in_a_row", 1);
    }

    Optional<Instant> unreachableSince() {
        return state.get("unreachable_since").map(Instant::parse);
    }

    public void succeeded() {
        state.delete("failures_in_a_row");
        state.delete("unreachable_since");
    }
}
