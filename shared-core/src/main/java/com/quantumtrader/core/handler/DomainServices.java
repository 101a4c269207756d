package com.quantumtrader.core.handler;

import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.reservation.ReservationStore;
import com.quantumtrader.core.reservation.ReservationStores;
import com.quantumtrader.core.state.KeyValueStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What a domain's handlers may use: the injected clock, the domain's own state (keys under its prefix), the
 * policy, atomic reservations on counters of the domain (risk's limits under concurrent invocations) and the
 * instrument catalog (tick, step and the other exchange filters of every symbol). Nothing else crosses into domain
 * code.
 */
public record DomainServices(Clock clock, KeyValueStore state, PolicyReader policy, ReservationStore reservations,
                             InstrumentCatalog instruments) {

    public DomainServices {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reservations, "reservations");
        Objects.requireNonNull(instruments, "instruments");
    }

    /** The shipped instrument snapshot ({@link InstrumentCatalog#bundled()}). */
    public DomainServices(Clock clock, KeyValueStore state, PolicyReader policy, ReservationStore reservations) {
        this(clock, state, policy, reservations, InstrumentCatalog.bundled());
    }

    /**
     * Reservations live where the state lives: in Redis under the same domain prefix when the state is a
     * {@code RedisKeyValueStore} (Lambda, local runtime), in memory otherwise. Every composition root that builds
     * services from a state store gets atomic reservations on the same backend without wiring anything.
     */
    public DomainServices(Clock clock, KeyValueStore state, PolicyReader policy) {
        this(clock, state, policy, InstrumentCatalog.bundled());
    }

    /** As above, with the instruments of a run (a backtest's {@code --exchange-info} file). */
    public DomainServices(Clock clock, KeyValueStore state, PolicyReader policy, InstrumentCatalog instruments) {
        this(clock, state, policy, ReservationStores.sameBackendAs(state, clock), instruments);
    }
}
