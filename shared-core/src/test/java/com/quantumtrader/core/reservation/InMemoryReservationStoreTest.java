package com.quantumtrader.core.reservation;

import java.time.Duration;

class InMemoryReservationStoreTest extends ReservationStoreContract {

    @Override
    protected ReservationStore newStore() {
        return new InMemoryReservationStore(clock);
    }

    @Override
    protected void pass(Duration duration) {
        clock.advance(duration);
    }
}
