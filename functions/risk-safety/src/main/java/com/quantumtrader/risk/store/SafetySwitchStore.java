package com.quantumtrader.risk.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.risk.model.safety.AuditEntry;
import com.quantumtrader.risk.model.safety.CircuitBreakerState;
import com.quantumtrader.risk.model.safety.EmergencyLatch;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The two switches that stop trading (the emergency stop latch and the circuit breaker) and their audit trail. */
public final class SafetySwitchStore {

    private final KeyValueStore state;

    public SafetySwitchStore(KeyValueStore state) {
        this.state = state;
    }

    public Optional<EmergencyLatch> emergencyLatch() {
        return state.get(RiskKeys.ESS).map(json -> EventJson.read(json, EmergencyLatch.class));
    }

    public void latch(EmergencyLatch latch) {
        state.put(RiskKeys.ESS, EventJson.write(latch));
    }

    public void clearLatch() {
        state.delete(RiskKeys.ESS);
    }

    /** The breaker's last opening, open or not any more. */
    public Optional<CircuitBreakerState> lastBreaker() {
        return state.get(RiskKeys.BREAKER).map(json -> EventJson.read(json, CircuitBreakerState.class));
    }

    public void saveBreaker(CircuitBreakerState breaker) {
        state.put(RiskKeys.BREAKER, EventJson.write(breaker));
    }

    public void clearBreaker() {
        state.delete(RiskKeys.BREAKER);
    }

    /** Appends an entry to the audit trail under the next sequence number. */
    public void audit(Instant at, String action, String actor, String reason) {
        long sequence = state.increment(RiskKeys.AUDIT_SEQUENCE, 1);
        AuditEntry entry = new AuditEntry(sequence, at, action, actor, reason);
        state.hashPut(RiskKeys.AUDIT, String.format("%012d", sequence), EventJson.write(entry));
    }

    /** Every switch change, oldest first. */
    public List<AuditEntry> auditTrail() {
        return state.hashGetAll(RiskKeys.AUDIT).values().stream()
                .map(json -> EventJson.read(json, AuditEntry.class))
                .sorted(Comparator.comparingLong(AuditEntry::sequence))
                .toList();
    }
}
