package com.quantumtrader.risk.pretrade;

import com.quantumtrader.core.reservation.ReservationOutcome;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.risk.model.exposure.Reservation;
import com.quantumtrader.risk.model.market.MarketReturns;
import com.quantumtrader.risk.model.pretrade.PreTradeDecision;
import com.quantumtrader.risk.model.pretrade.RejectReason;
import com.quantumtrader.risk.model.pretrade.Rejection;
import com.quantumtrader.risk.model.pretrade.RiskSnapshot;
import com.quantumtrader.risk.model.pretrade.Sizing;
import com.quantumtrader.risk.store.ExposurePlan;
import com.quantumtrader.risk.store.ExposureStore;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The final, atomic re-check of a sized signal: cuts it to the room the exposure limits leave and reserves it in
 * the reservation store, which refuses it if a concurrent decision took the room first.
 */
final class ExposureReservation {

    private final ExposureStore exposure;
    private final MarketReturns returns;

    ExposureReservation(ExposureStore exposure, MarketReturns returns) {
        this.exposure = exposure;
        this.returns = returns;
    }

    /** The quantity reserved, or why none could be. */
    Sizing reserve(SignalGenerated signal, RiskSnapshot snapshot, PreTradeDecision.Sized sized) {
        ExposurePlan plan = new ExposurePlan(snapshot.limits(), signal.symbol(), signal.side(), snapshot.equity(),
                PreTradeDecision.correlatedWith(signal.symbol(), snapshot, returns), snapshot.now());
        // Two attempts: the room read before reserving may be taken by a concurrent decision in between.
        Rejection last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            Map<String, Long> values = exposure.counterValues(plan.counters());
            Optional<Rejection> full = plan.fullCount(values);
            if (full.isPresent()) {
                return Sizing.rejected(PreTradeDecision.explained(full.get(), signal.symbol(), snapshot.reservations()));
            }
            Sizing fitted = PreTradeDecision.fitToRoom(signal, sized, plan.room(values));
            if (!fitted.isApproved()) {
                return fitted;
            }
            BigDecimal notional = fitted.quantity().multiply(signal.referencePrice());
            ReservationOutcome outcome = exposure.reserve(plan, signal.signalId(), notional);
            if (outcome instanceof ReservationOutcome.Granted) {
                exposure.describe(new Reservation(signal.signalId(), signal.symbol(), signal.side(), fitted.quantity(),
                        notional, snapshot.now()));
                return fitted;
            }
            if (outcome instanceof ReservationOutcome.Duplicate) {
                return Sizing.rejected(new Rejection(RejectReason.INVALID_SIGNAL, "a new signal id", signal.signalId(),
                        "signal " + signal.signalId() + " was decided and released before"));
            }
            last = plan.rejection((ReservationOutcome.Refused) outcome);
            if (!PreTradeDecision.isNotionalLimit(last.reason())) {
                break;
            }
        }
        return Sizing.rejected(last);
    }
}
