package com.quantumtrader.risk.exposure;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Risk's own view of the account: the reservation of every approved signal whose position is not closed yet, and
 * the realised P&L learned from closed positions. Equity is the policy's starting equity plus that P&L.
 */
public final class ExposureBook {

    private static final String RESERVATIONS = "reservations";
    private static final String REALIZED_PNL = "realized_pnl";

    private final KeyValueStore state;

    public ExposureBook(KeyValueStore state) {
        this.state = state;
    }

    /** Every reservation, ordered by signal id (store order is not guaranteed across backends). */
    public List<Reservation> reservations() {
        return state.hashGetAll(RESERVATIONS).values().stream()
                .map(json -> EventJson.read(json, Reservation.class))
                .sorted(Comparator.comparing(Reservation::signalId))
                .toList();
    }

    public Optional<Reservation> reservationForSymbol(String symbol) {
        return reservations().stream().filter(r -> r.symbol().equals(symbol)).findFirst();
    }

    public Optional<Reservation> reservation(String signalId) {
        return state.hashGet(RESERVATIONS, signalId).map(json -> EventJson.read(json, Reservation.class));
    }

    /** Sum of the notionals of every reservation: the account's gross exposure as risk sees it. */
    public BigDecimal grossNotional() {
        return reservations().stream().map(Reservation::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public void reserve(Reservation reservation) {
        state.hashPut(RESERVATIONS, reservation.signalId(), EventJson.write(reservation));
    }

    /** Frees a signal's reservation; empty when it holds none (already freed, or never approved). */
    public Optional<Reservation> release(String signalId) {
        Optional<Reservation> reservation = reservation(signalId);
        reservation.ifPresent(r -> state.hashDelete(RESERVATIONS, signalId));
        return reservation;
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
