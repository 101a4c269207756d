package com.quantumtrader.risk.model.safety;

import java.time.Instant;

/**
 * One change of a safety switch.
 *
 * @param sequence increasing per domain, orders the trail
 * @param action   ESS_LATCHED, ESS_RESET, CIRCUIT_BREAKER_OPENED or CIRCUIT_BREAKER_RESET
 * @param actor    who did it: a handler name or an operator
 */
public record AuditEntry(
        long sequence,
        Instant at,
        String action,
        String actor,
        String reason) {
}
