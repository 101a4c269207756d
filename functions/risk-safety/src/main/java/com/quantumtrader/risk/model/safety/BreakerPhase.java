package com.quantumtrader.risk.model.safety;

import com.quantumtrader.risk.policy.CircuitBreakerPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The circuit breaker's phases: entries blocked, entries at reduced size, entries as usual. */
public enum BreakerPhase {
    OPEN,
    HALF_OPEN,
    CLOSED;

    /** Where the breaker stands at {@code now}: open, half-open (for the policy's period after the cool-off), closed. */
    public static BreakerPhase at(Optional<CircuitBreakerState> last, Instant now, CircuitBreakerPolicy policy) {
        if (last.isEmpty()) {
            return CLOSED;
        }
        if (last.get().openAt(now)) {
            return OPEN;
        }
        return now.isBefore(last.get().until().plus(Duration.ofMinutes(policy.halfOpenMinutes())))
                ? HALF_OPEN : CLOSED;
    }
}
