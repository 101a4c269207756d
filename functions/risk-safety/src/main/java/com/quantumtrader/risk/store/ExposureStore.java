package com.quantumtrader.risk.store;

import com.quantumtrader.core.reservation.ReservationOutcome;
import com.quantumtrader.core.reservation.ReservationStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.risk.model.exposure.Reservation;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Risk's own view of the account: the reservation of every approved signal whose position is not closed yet (held
 * atomically in the reservation store's counters, described here), and the realised P&L learned from closed
 * positions. Equity is the policy's starting equity plus that P&L.
 */
public final class ExposureStore {

    private final KeyValueStore state;
    private final ReservationStore counters;

    public ExposureStore(KeyValueStore state, ReservationStore counters) {
        this.state = state;
        this.counters = counters;
    }

    /** The current value of each exposure counter (0 when never used or expired). */
    public Map<String, Long> counterValues(Collection<String> names) {
        return counters.values(names);
    }

    /** The atomic re-check: reserves the plan's increments for the signal if every limit still holds. */
    public ReservationOutcome reserve(ExposurePlan plan, String signalId, BigDecimal notionalUsdt) {
        return counters.reserve(plan.request(signalId, notionalUsdt));
    }

    /** Every reservation, ordered by signal id (store order is not guaranteed across backends). */
    public List<Reservation> reservations() {
        return state.hashGetAll(RiskKeys.RESERVATIONS).values().stream()
                .map(json -> EventJson.read(json, Reservation.class))
                .sorted(Comparator.comparing(Reservation::signalId))
                .toList();
    }

    public Optional<Reservation> reservation(String signalId) {
        return state.hashGet(RiskKeys.RESERVATIONS, signalId).map(json -> EventJson.read(json, Reservation.class));
    }

    /** Records what a granted reservation holds. */
    public void describe(Reservation reservation) {
        state.hashPut(RiskKeys.RESERVATIONS, reservation.signalId(), EventJson.write(reservation));
    }

    /** Frees a signal's reservation (its counters, atomically); empty when it holds none. */
    public Optional<Reservation> release(String signalId) {
        boolean freed = counters.release(signalId);
        Optional<Reservation> reservation = reservation(signalId);
        reservation.ifPresent(r -> state.hashDelete(RiskKeys.RESERVATIONS, signalId));
        return freed ? reservation : Optional.empty();
    }

    public BigDecimal realizedPnl() {
        return state.get(RiskKeys.REALIZED_PNL).map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    public void addRealizedPnl(BigDecimal pnl) {
        state.put(RiskKeys.REALIZED_PNL, realizedPnl().add(pnl).toPlainString());
    }
}
