package com.quantumtrader.risk.exposure;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.reservation.ReservationStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Risk's own view of the account: the reservation of every approved signal whose position is not closed yet (held
 * atomically in the reservation store's counters, described here), and the realised P&L learned from closed
 * positions. Equity is the policy's starting equity plus that P&L.
 */
public final class ExposureBook {

    private static final String RESERVATIONS = "reservations";
    private static final String REALIZED_PNL = "realized_pnl";

    private final KeyValueStore state;
    private final ReservationStore counters;

    public ExposureBook(KeyValueStore state, ReservationStore counters) {
        this.state = state;
        this.counters = counters;
    }

    public ReservationStore counters() {
        return counters;
    }

    /** Every reservation, ordered by signal id (store order is not guaranteed across backends). */
    public List<Reservation> reservations() {
        return state.hashGetAll(RESERVATIONS).values().stream()
                .map(json -> EventJson.read(json, Reservation.class))
                .sorted(Comparator.comparing(Reservation::signalId))
                .toList();
    }

    public Optional<Reservation> reservation(String signalId) {
        return state.hashGet(RESERVATIONS, signalId).map(json -> EventJson.read(json, Reservation.class));
    }

    /** Records what a granted reservation holds. */
    public void describe(Reservation reservation) {
        state.hashPut(RESERVATIONS, reservation.signalId(), EventJson.write(reservation));
    }

    /** Frees a signal's reservation (its counters, atomically); empty when it holds none. */
    public Optional<Reservation> release(String signalId) {
        boolean freed = counters.release(signalId);
        Optional<Reservation> reservation = reservation(signalId);
        reservation.ifPresent(r -> state.hashDelete(RESERVATIONS, signalId));
        return freed ? reservation : Optional.empty();
    }

    public BigDecimal realizedPnl() {
        return state.get(REALIZED_PNL).map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    public void addRealizedPnl(BigDecimal pnl) {
        state.put(REALIZED_PNL, realizedPnl().add(pnl).toPlainString());
    }

    /** The equity positions are sized against. */
    public BigDecimal equity(Policy policy) {
        return policy.accountEquity().add(realizedPnl());
    }
}
