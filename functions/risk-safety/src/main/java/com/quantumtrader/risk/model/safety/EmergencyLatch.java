package com.quantumtrader.risk.model.safety;

import java.time.Instant;

/** The emergency stop is latched: every signal is rejected until an operator resets it. */
public record EmergencyLatch(
        String reason,
        String value,
        String threshold,
        Instant latchedAt) {
}
