package com.quantumtrader.risk.pretrade;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import com.quantumtrader.risk.model.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.model.market.MarketReturns;
import com.quantumtrader.risk.model.pretrade.PreTradeDecision;
import com.quantumtrader.risk.model.pretrade.Rejection;
import com.quantumtrader.risk.model.pretrade.RiskSnapshot;
import com.quantumtrader.risk.model.pretrade.Sizing;
import com.quantumtrader.risk.store.ExposureStore;
import com.quantumtrader.risk.store.LifecycleStore;
import com.quantumtrader.risk.store.RiskSnapshotLoader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ai.signal.generated}: loads the {@link RiskSnapshot}, runs the pre-trade rules over it (the first that fails
 * names the reason, the limit and the value), sizes the position (times the safety governor's multiplier), and
 * reserves what the exposure limits leave atomically. Approves with the quantity risk allows.
 */
public final class GlobalRiskController implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalRiskController.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final RiskSnapshotLoader snapshots;
    private final ExposureReservation reservation;
    private final LifecycleStore lifecycle;

    public GlobalRiskController(Clock clock, PolicyReader policy, RiskSnapshotLoader snapshots, ExposureStore exposure,
                                MarketReturns returns, LifecycleStore lifecycle) {
        this.clock = clock;
        this.policy = policy;
        this.snapshots = snapshots;
        this.reservation = new ExposureReservation(exposure, returns);
        this.lifecycle = lifecycle;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        SignalGenerated signal = event.payload(EventCatalog.AI_SIGNAL_GENERATED);
        Instant now = clock.instant();
        lifecycle.start(event.traceId(), signal.signalId(), signal.symbol(), now);
        RiskSnapshot snapshot = snapshots.load(signal, policy.current(), now);
        Sizing decision = decide(signal, snapshot);
        if (decision.isApproved()) {
            lifecycle.advance(signal.signalId(), TradeLifecycle.APPROVED, now, decision.quantity().toPlainString());
            return List.of(approve(signal, decision.quantity()));
        }
        lifecycle.advance(signal.signalId(), TradeLifecycle.REJECTED, now, decision.rejection().reason().name());
        return List.of(reject(signal, decision.rejection()));
    }

    private Sizing decide(SignalGenerated signal, RiskSnapshot snapshot) {
        PreTradeDecision.Outcome outcome = PreTradeDecision.decide(signal, snapshot);
        if (outcome instanceof PreTradeDecision.Repeated repeated) {
            return Sizing.approved(repeated.quantity());
        }
        if (outcome instanceof PreTradeDecision.Rejected rejected) {
            return Sizing.rejected(rejected.rejection());
        }
        Sizing reserved = reservation.reserve(signal, snapshot, (PreTradeDecision.Sized) outcome);
        if (reserved.isApproved()) {
            LOG.info("approved {} {} {} qty={} (requested {}) equity={} governor x{} {}", signal.signalId(),
                    signal.symbol(), signal.side(), reserved.quantity().toPlainString(),
                    signal.requestedQuantity() == null ? "none" : signal.requestedQuantity().toPlainString(),
                    snapshot.equity().toPlainString(),
                    snapshot.governor().multiplier().toPlainString(), snapshot.governor().reasons());
        }
        return reserved;
    }

    private static Emit approve(SignalGenerated signal, BigDecimal quantity) {
        return Emit.of(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signal.signalId(),
                signal.symbol(), signal.side(), quantity, signal.referencePrice(), signal.stopPrice(),
                signal.targetPrice(), signal.strategyId(), signal.modelId()));
    }

    private static Emit reject(SignalGenerated signal, Rejection rejection) {
        LOG.info("rejected {} {} {}: {} limit={} value={} ({})", signal.signalId(), signal.symbol(), signal.side(),
                rejection.reason(), rejection.limit(), rejection.value(), rejection.message());
        return Emit.of(EventCatalog.RISK_SIGNAL_REJECTED, new SignalRejected(signal.signalId(), signal.symbol(),
                signal.side(), rejection.reason().name(), rejection.limit(), rejection.value(), rejection.message()));
    }
}
