package com.quantumtrader.risk.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.risk.model.safety.FailureWindow;
import com.quantumtrader.risk.model.safety.OrderFailureRules;
import java.time.Instant;
import java.util.Optional;

/**
 * Order failures in a row (no fill in between), since when the exchange has been unreachable (for the emergency
 * stop), and the failures within the circuit breaker's window. A fill clears the first two.
 */
public final class OrderHealthStore {

    private final KeyValueStore state;

    public OrderHealthStore(KeyValueStore state) {
        this.state = state;
    }

    /** Counts a failure (atomically); returns the failures in a row, this one included. */
    public long failed(String errorCode, Instant at) {
        if (OrderFailureRules.UNREACHABLE_CODES.contains(errorCode) && state.get(RiskKeys.UNREACHABLE_SINCE).isEmpty()) {
            state.put(RiskKeys.UNREACHABLE_SINCE, at.toString());
        }
        return state.increment(RiskKeys.FAILURES_IN_A_ROW, 1);
    }

    public Optional<Instant> unreachableSince() {
        return state.get(RiskKeys.UNREACHABLE_SINCE).map(Instant::parse);
    }

    public void succeeded() {
        state.delete(RiskKeys.FAILURES_IN_A_ROW);
        state.delete(RiskKeys.UNREACHABLE_SINCE);
    }

    public FailureWindow failureWindow() {
        return state.getJson(RiskKeys.ORDER_FAILURES, FailureWindow.class).orElse(FailureWindow.empty());
    }

    public void saveFailureWindow(FailureWindow window) {
        state.put(RiskKeys.ORDER_FAILURES, com.quantumtrader.events.EventJson.write(window));
    }

    public void clearFailureWindow() {
        state.delete(RiskKeys.ORDER_FAILURES);
    }
}
