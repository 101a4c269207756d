package com.quantumtrader.risk.safety;

/** The circuit breaker's phases: entries blocked, entries at reduced size, entries as usual. */
public enum BreakerPhase {
    OPEN,
    HALF_OPEN,
    CLOSED
}
