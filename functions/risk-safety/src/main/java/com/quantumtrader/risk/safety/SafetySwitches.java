package com.quantumtrader.risk.safety;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The two switches that stop trading, persisted in risk's store so a restart keeps them: the emergency stop latch
 * (only an operator reset clears it) and the circuit breaker (closes by itself when the clock passes its end, or
 * by an operator reset). Every change is written to an audit trail.
 */
public final class SafetySwitches {

    static final String ESS_LATCHED = "ESS_LATCHED";
    static final String ESS_RESET = "ESS_RESET";
    static final String BREAKER_OPENED = "CIRCUIT_BREAKER_OPENED";
    static final String BREAKER_RESET = "CIRCUIT_BREAKER_RESET";

    private static final String ESS = "ess";
    private static final String BREAKER = "circuit_breaker";
    private static final String AUDIT = "audit";
    private static final String AUDIT_SEQUENCE = "audit_sequence";

    private final KeyValueStore state;

    public SafetySwitches(KeyValueStore state) {
        this.state = state;
    }

    public Optional<EmergencyLatch> emergencyLatch() {
        return state.get(ESS).map(json -> EventJson.read(json, EmergencyLatch.class));
    }

    /** Latches the emergency stop; false (and nothing changes) when it is latched already. */
    boolean latchEmergency(EmergencyLatch latch, String actor) {
        if (emergencyLatch().isPresent()) {
            return false;
        }
        state.put(ESS, EventJson.write(latch));
        audit(latch.latchedAt(), ESS_LATCHED, actor, latch.reason() + " " + latch.value() + " >= " + latch.threshold());
        return true;
    }

    /** Clears the latch; false when it was not latched (the reset is still audited: someone asked for it). */
    public boolean resetEmergency(String reason, String actor, Instant at) {
        boolean wasLatched = emergencyLatch().isPresent();
        state.delete(ESS);
        audit(at, ESS_RESET, actor, wasLatched ? reason : reason + " (was not latched)");
        return wasLatched;
    }

    /** The breaker's state when it is open at {@code now}; empty when closed. */
    public Optional<CircuitBreakerState> openBreaker(Instant now) {
        return state.get(BREAKER).map(json -> EventJson.read(json, CircuitBreakerState.class))
                .filter(breaker -> breaker.openAt(now));
    }

    /** Opens the breaker until {@code until}; an open breaker is only ever extended, never shortened. */
    CircuitBreakerState open(String cause, String detail, Instant now, Instant until, String actor) {
        Instant end = openBreaker(now).map(CircuitBreakerState::until).filter(until::isBefore).orElse(until);
        CircuitBreakerState breaker = new CircuitBreakerState(cause, detail, now, end);
        state.put(BREAKER, EventJson.write(breaker));
        audit(now, BREAKER_OPENED, actor, cause + ": " + detail + " until " + end);
        return breaker;
    }

    /** Closes the breaker now; false when it was not open. */
    public boolean resetBreaker(String reason, String actor, Instant at) {
        boolean wasOpen = openBreaker(at).isPresent();
        state.delete(BREAKER);
        audit(at, BREAKER_RESET, actor, wasOpen ? reason : reason + " (was not open)");
        return wasOpen;
    }

    /** Every switch change, oldest first. */
    public List<AuditEntry> auditTrail() {
        return state.hashGetAll(AUDIT).values().stream()
                .map(json -> EventJson.read(json, AuditEntry.class))
                .sorted(Comparator.comparingLong(AuditEntry::sequence))
                .toList();
    }

    private void audit(Instant at, String action, String actor, String reason) {
        long sequence = state.increment(AUDIT_SEQUENCE, 1);
        AuditEntry entry = new AuditEntry(sequence, at, action, actor, reason);
        state.hashPut(AUDIT, String.format("%012d", sequence), EventJson.write(entry));
    }
}
