package com.quantumtrader.events.risk;

import java.time.Instant;

/** New entries are blocked until {@code until}; exits stay allowed. */
public record CircuitBreakerActivated(
        String cause,
        String detail,
        Instant until) {
}
