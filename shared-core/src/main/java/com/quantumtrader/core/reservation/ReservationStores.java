package com.quantumtrader.core.reservation;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import java.time.Clock;
import java.util.Objects;

/** Picks the reservation store that lives where a domain's state lives. */
public final class ReservationStores {

    private ReservationStores() {
    }

    /**
     * Redis (same server, same domain prefix) when the state is in Redis, so reservations are atomic across every
     * process of the domain; memory otherwise (tests, backtests on memory).
     */
    public static ReservationStore sameBackendAs(KeyValueStore state, Clock clock) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(clock, "clock");
        if (state instanceof RedisKeyValueStore redis) {
            return new RedisReservationStore(redis.connections(), redis.domain());
        }
        return new InMemoryReservationStore(clock);
    }
}
