package com.quantumtrader.risk.safety;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.CircuitBreakerPolicy;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.EmergencyTriggered;
import java.time.Duration;
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
    /** An operator's stop request while the stop was already latched: nothing changed, the request is on record. */
    static final String ESS_STOP_REQUESTED = "ESS_STOP_REQUESTED";
    static final String BREAKER_OPENED = "CIRCUIT_BREAKER_OPENED";
    static final String BREAKER_RESET = "CIRCUIT_BREAKER_RESET";
    /** The reason of a latch an operator asked for, and what stands in for its threshold. */
    public static final String MANUAL = "MANUAL";
    static final String OPERATOR_REQUEST = "operator request";

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

    /** Where the breaker stands at {@code now}: open, half-open (for the policy's period after the cool-off), closed. */
    public BreakerPhase breakerPhase(Instant now, CircuitBreakerPolicy policy) {
        Optional<CircuitBreakerState> last = state.get(BREAKER).map(json -> EventJson.read(json, CircuitBreakerState.class));
        if (last.isEmpty()) {
            return BreakerPhase.CLOSED;
        }
        if (last.get().openAt(now)) {
            return BreakerPhase.OPEN;
        }
        return now.isBefore(last.get().until().plus(Duration.ofMinutes(policy.halfOpenMinutes())))
                ? BreakerPhase.HALF_OPEN : BreakerPhase.CLOSED;
    }

    /**
     * Opens the breaker for the policy's cool-off and announces it; an already open breaker is only extended (and
     * announced again with its new end, so execution and the trading route see the latest).
     */
    public List<Emit> trip(String cause, String detail, Instant now, CircuitBreakerPolicy policy, String actor) {
        CircuitBreakerState breaker = open(cause, detail, now, now.plus(Duration.ofMinutes(policy.coolOffMinutes())),
                actor);
        return List.of(Emit.of(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED,
                new CircuitBreakerActivated(cause, detail, breaker.until())));
    }

    /**
     * Latches the emergency stop and orders execution to flatten: {@code safety.emergency.triggered} with the
     * figures, then {@code safety.emergency.stop}. Nothing when it is latched already (triggering twice is harmless).
     */
    public List<Emit> triggerEmergency(String reason, String figure, String value, String threshold, Instant now,
                                       String actor) {
        return triggerEmergency(reason, figure, value, threshold, now, actor, "ess");
    }

    /** As above; {@code requestedBy} names who orders the flatten (the ESS itself, or the operator). */
    public List<Emit> triggerEmergency(String reason, String figure, String value, String threshold, Instant now,
                                       String actor, String requestedBy) {
        if (!latchEmergency(new EmergencyLatch(reason, value, threshold, now), actor)) {
            return List.of();
        }
        return List.of(
                Emit.of(EventCatalog.SAFETY_EMERGENCY_TRIGGERED, new EmergencyTriggered(reason, value, threshold)),
                Emit.of(EventCatalog.SAFETY_EMERGENCY_STOP, new EmergencyStop(
                        reason + ": " + figure + " " + value + " >= " + threshold, requestedBy)));
    }

    /**
     * Latches the emergency stop on an operator's request: {@code safety.emergency.triggered} (reason MANUAL, the
     * operator's words as the value) and {@code safety.emergency.stop} requested by the operator. Nothing when it is
     * latched already, except an {@code ESS_STOP_REQUESTED} audit entry: every request is on record.
     */
    public List<Emit> triggerManually(String why, String operator, Instant now) {
        Optional<EmergencyLatch> latched = emergencyLatch();
        if (latched.isPresent()) {
            // nothing to latch, but an operator asked: the trail must show who and why, as for a reset
            audit(now, ESS_STOP_REQUESTED, operator, why + " (already latched since " + latched.get().latchedAt()
                    + ": " + latched.get().reason() + ")");
            return List.of();
        }
        if (!latchEmergency(new EmergencyLatch(MANUAL, why, OPERATOR_REQUEST, now), operator)) {
            return List.of();
        }
        return List.of(
                Emit.of(EventCatalog.SAFETY_EMERGENCY_TRIGGERED, new EmergencyTriggered(MANUAL, why, OPERATOR_REQUEST)),
                Emit.of(EventCatalog.SAFETY_EMERGENCY_STOP, new EmergencyStop(
                        MANUAL + ": requested by " + operator + ": " + why, operator)));
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
