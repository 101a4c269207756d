package com.quantumtrader.risk.model.safety;

import java.time.Instant;

/** The last time the breaker opened: entries are blocked while the clock is before {@code until}. */
public record CircuitBreakerState(
        String cause,
        String detail,
        Instant openedAt,
        Instant until) {

    public boolean openAt(Instant now) {
        return now.isBefore(until);
    }
}
