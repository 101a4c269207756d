package com.quantumtrader.risk;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.risk.governor.SafetyGovernor;
import com.quantumtrader.risk.lifecycle.LifecycleBook;
import com.quantumtrader.risk.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.safety.AuditEntry;
import com.quantumtrader.risk.safety.BreakerPhase;
import com.quantumtrader.risk.safety.CircuitBreakerState;
import com.quantumtrader.risk.safety.EmergencyLatch;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What an operator may do to risk and see of it: the safety switches (trigger the emergency stop by hand, reset
 * it or the breaker with a reason; every change audited), the governor's verdict, and a trade's lifecycle.
 */
public final class RiskControls {

    private final Clock clock;
    private final PolicyReader policy;
    private final SafetySwitches switches;
    private final SafetyGovernor governor;
    private final LifecycleBook lifecycle;

    RiskControls(Clock clock, PolicyReader policy, SafetySwitches switches, SafetyGovernor governor,
                 LifecycleBook lifecycle) {
        this.clock = clock;
        this.policy = policy;
        this.switches = switches;
        this.governor = governor;
        this.lifecycle = lifecycle;
    }

    /** The latch, when the emergency stop is latched. */
    public Optional<EmergencyLatch> emergencyStop() {
        return switches.emergencyLatch();
    }

    /** The breaker, when it is open now. */
    public Optional<CircuitBreakerState> circuitBreaker() {
        return switches.openBreaker(clock.instant());
    }

    public BreakerPhase circuitBreakerPhase() {
        return switches.breakerPhase(clock.instant(), RiskPolicy.of(policy.current()).circuitBreaker());
    }

    /** The safety governor's verdict now, for signals of {@code modelId} (null: any model). */
    public SafetyGovernor.Verdict governor(String modelId) {
        Policy current = policy.current();
        return governor.decide(current, modelId, circuitBreakerPhase(), clock.instant());
    }

    /** A trade's way through its lifecycle, by the trace id of its signal. */
    public Optional<TradeLifecycle> lifecycle(String traceId) {
        return lifecycle.of(traceId);
    }

    /**
     * Latches the emergency stop by hand. Returns the events to publish ({@code safety.emergency.triggered} and
     * {@code safety.emergency.stop}); none when it is latched already.
     */
    public List<Emit> triggerEmergencyStop(String reason, String actor) {
        return switches.triggerManually(required(reason, "reason"), required(actor, "actor"), clock.instant());
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
            throw new IllegalArgumentException("an operator action needs a " + what);
        }
        return value.strip();
    }
}
