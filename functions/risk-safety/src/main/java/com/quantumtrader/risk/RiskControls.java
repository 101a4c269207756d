package com.quantumtrader.risk;

import com.quantumtrader.risk.safety.AuditEntry;
import com.quantumtrader.risk.safety.CircuitBreakerState;
import com.quantumtrader.risk.safety.EmergencyLatch;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What an operator may do to risk's safety switches: see them, and reset them with a reason. Every reset is
 * written to the audit trail with who asked and why.
 */
public final class RiskControls {

    private final Clock clock;
    private final SafetySwitches switches;

    RiskControls(Clock clock, SafetySwitches switches) {
        this.clock = clock;
        this.switches = switches;
    }

    /** The latch, when the emergency stop is latched. */
    public Optional<EmergencyLatch> emergencyStop() {
        return switches.emergencyLatch();
    }

    /** The breaker, when it is open now. */
    public Optional<CircuitBreakerState> circuitBreaker() {
        return switches.openBreaker(clock.instant());
    }

    /**
     * Releases the emergency stop so signals are checked again. Positions already flattened stay flat.
     *
     * @return true when it was latched
     */
    public boolean resetEmergencyStop(String reason, String actor) {
        return switches.resetEmergency(required(reason, "reason"), required(actor, "actor"), clock.instant());
    }

    /** @return true when the breaker was open */
    public boolean resetCircuitBreaker(String reason, String actor) {
        return switches.resetBreaker(required(reason, "reason"), required(actor, "actor"), clock.instant());
    }

    public List<AuditEntry> auditTrail() {
        return switches.auditTrail();
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a reset needs a " + what);
        }
        return value.strip();
    }
}
