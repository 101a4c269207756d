package com.quantumtrader.core.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reservations in this process's memory: atomic through one lock, for tests and backtests. Expiries follow the
 * injected clock, so a simulated run expires rate windows exactly as Redis would in real time.
 */
public final class InMemoryReservationStore implements ReservationStore {

    private final Clock clock;
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Instant> counterExpiry = new HashMap<>();
    private final Map<String, Map<String, Long>> held = new HashMap<>();
    private final Map<String, Instant> released = new HashMap<>();

    public InMemoryReservationStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized ReservationOutcome reserve(ReservationRequest request) {
        Instant now = clock.instant();
        expire(now);
        String id = request.reservationId();
        if (held.containsKey(id)) {
            return new ReservationOutcome.Duplicate(id, true);
        }
        if (released.containsKey(id)) {
            return new ReservationOutcome.Duplicate(id, false);
        }
        Map<String, Long> added = new HashMap<>();
        request.increments().forEach(i -> added.put(i.counter(), i.amount()));
        for (Limit limit : request.limits()) {
            long used = 0;
            long requested = 0;
            for (String counter : limit.counters()) {
                used += counters.getOrDefault(counter, 0L);
                requested += added.getOrDefault(counter, 0L);
            }
            if (requested > 0 && used + requested > limit.max()) {
                return new ReservationOutcome.Refused(id, limit, used, requested);
            }
        }
        Map<String, Long> kept = new LinkedHashMap<>();
        for (Increment increment : request.increments()) {
            counters.merge(increment.counter(), increment.amount(), Long::sum);
            if (increment.isHeld()) {
                kept.put(increment.counter(), increment.amount());
            } else {
                counterExpiry.putIfAbsent(increment.counter(), now.plus(increment.expiresAfter()));
            }
        }
        held.put(id, kept);
        return new ReservationOutcome.Granted(id);
    }

    @Override
    public synchronized boolean release(String reservationId) {
        ReservationArguments.requireName(reservationId, "reservation id");
        Instant now = clock.instant();
        expire(now);
        Map<String, Long> amounts = held.remove(reservationId);
        if (amounts == null) {
            return false;
        }
        amounts.forEach((counter, amount) -> counters.merge(counter, -amount, Long::sum));
        released.put(reservationId, now.plus(RedisReservationStore.RELEASED_MEMORY));
        return true;
    }

    @Override
    public synchronized Map<String, Long> values(Collection<String> names) {
        expire(clock.instant());
        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(ReservationArguments.requireName(name, "counter"), counters.getOrDefault(name, 0L));
        }
        return values;
    }

    @Override
    public synchronized boolean isHeld(String reservationId) {
        return held.containsKey(reservationId);
    }

    private void expire(Instant now) {
        List<String> due = counterExpiry.entrySet().stream().filter(e -> !now.isBefore(e.getValue()))
                .map(Map.Entry::getKey).toList();
        due.forEach(counter -> {
            counterExpiry.remove(counter);
            counters.remove(counter);
        });
        released.values().removeIf(until -> !now.isBefore(until));
    }
}
