package com.quantumtrader.risk.pretrade;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.policy.RiskLimits;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import com.quantumtrader.risk.exposure.ExposureBook;
import com.quantumtrader.risk.exposure.Reservation;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ai.signal.generated}: runs the pre-trade checks in a fixed order (the first that fails names the reason),
 * sizes the position, reserves its exposure and approves it with the quantity risk allows.
 */
public final class GlobalRiskController implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalRiskController.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final ExposureBook exposure;
    private final SafetySwitches switches;

    public GlobalRiskController(Clock clock, PolicyReader policy, ExposureBook exposure, SafetySwitches switches) {
        this.clock = clock;
        this.policy = policy;
        this.exposure = exposure;
        this.switches = switches;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        SignalGenerated signal = event.payload(EventCatalog.AI_SIGNAL_GENERATED);
        Policy current = policy.current();
        RiskLimits limits = current.activeLimits();
        Instant now = clock.instant();
        Optional<Rejection> refused = firstFailedCheck(signal, current, limits, now);
        if (refused.isPresent()) {
            return List.of(reject(signal, refused.get()));
        }
        BigDecimal equity = exposure.equity(current);
        Sizing sizing = PositionSizer.size(signal, limits, equity, exposure.grossNotional());
        if (!sizing.isApproved()) {
            return List.of(reject(signal, sizing.rejection()));
        }
        BigDecimal quantity = sizing.quantity();
        exposure.reserve(new Reservation(signal.signalId(), signal.symbol(), signal.side(), quantity,
                quantity.multiply(signal.referencePrice()), now));
        LOG.info("approved {} {} {} qty={} (requested {}) equity={}", signal.signalId(), signal.symbol(),
                signal.side(), quantity.toPlainString(), signal.requestedQuantity().toPlainString(),
                equity.toPlainString());
        return List.of(Emit.of(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signal.signalId(),
                signal.symbol(), signal.side(), quantity, signal.referencePrice(), signal.stopPrice(),
                signal.targetPrice(), signal.strategyId(), signal.modelId())));
    }

    private Optional<Rejection> firstFailedCheck(SignalGenerated signal, Policy current, RiskLimits limits,
                                                 Instant now) {
        var latch = switches.emergencyLatch();
        if (latch.isPresent()) {
            return Optional.of(new Rejection(RejectReason.ESS_ACTIVE, "inactive", "latched",
                    "emergency stop latched at " + latch.get().latchedAt() + ": " + latch.get().reason() + " "
                            + latch.get().value() + " >= " + latch.get().threshold()));
        }
        var breaker = switches.openBreaker(now);
        if (breaker.isPresent()) {
            return Optional.of(new Rejection(RejectReason.CIRCUIT_BREAKER_OPEN, "closed",
                    "open until " + breaker.get().until(), breaker.get().cause() + ": " + breaker.get().detail()));
        }
        if (signal.strategyId() == null || !current.strategyEnabled(signal.strategyId())) {
            String state = signal.strategyId() != null && current.strategies().containsKey(signal.strategyId())
                    ? "disabled" : "unknown";
            return Optional.of(new Rejection(RejectReason.STRATEGY_DISABLED, "enabled", state,
                    "strategy " + signal.strategyId() + " is " + state + " in the policy"));
        }
        if (!current.universe().contains(signal.symbol())) {
            return Optional.of(new Rejection(RejectReason.SYMBOL_NOT_IN_UNIVERSE,
                    String.join(",", current.universe()), signal.symbol(),
                    signal.symbol() + " is not in the policy's universe"));
        }
        Optional<Rejection> invalid = SignalConsistency.check(signal);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (signal.confidence() < limits.minConfidence()) {
            return Optional.of(new Rejection(RejectReason.LOW_CONFIDENCE, Double.toString(limits.minConfidence()),
                    Double.toString(signal.confidence()), "confidence below the minimum of " + current.riskMode()));
        }
        var held = exposure.reservationForSymbol(signal.symbol());
        if (held.isPresent()) {
            return Optional.of(new Rejection(RejectReason.POSITION_ALREADY_OPEN, "1", "1",
                    signal.symbol() + " already has a position of signal " + held.get().signalId()));
        }
        int open = exposure.reservations().size();
        if (open >= limits.maxOpenPositions()) {
            return Optional.of(new Rejection(RejectReason.MAX_OPEN_POSITIONS,
                    Integer.toString(limits.maxOpenPositions()), Integer.toString(open),
                    open + " positions reserved or open, the maximum of " + current.riskMode()));
        }
        return Optional.empty();
    }

    private static Emit reject(SignalGenerated signal, Rejection rejection) {
        LOG.info("rejected {} {} {}: {} limit={} value={} ({})", signal.signalId(), signal.symbol(), signal.side(),
                rejection.reason(), rejection.limit(), rejection.value(), rejection.message());
        return Emit.of(EventCatalog.RISK_SIGNAL_REJECTED, new SignalRejected(signal.signalId(), signal.symbol(),
                signal.side(),
                rejection.reason().name(), rejection.limit(), rejection.value(), rejection.message()));
    }
}
