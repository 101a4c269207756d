package com.quantumtrader.core.reservation;

import com.quantumtrader.core.redis.LuaScript;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.events.Domain;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reservations in Redis, one Lua script per decision, so concurrent callers in any number of processes are
 * serialised by the server. Keys live under the owning domain's prefix and share the hash tag
 * {@code {reservations}} (one cluster slot): {@code <domain>:{reservations}:counter:<name>} holds a counter as a
 * Redis integer, {@code <domain>:{reservations}:held:<id>} the amounts a reservation holds (field = counter key)
 * plus its state, kept for {@link #RELEASED_MEMORY} after release so a late duplicate changes nothing.
 */
public final class RedisReservationStore implements ReservationStore {

    /** How long a released id is remembered, longer than any redelivery of the event that made it. */
    static final Duration RELEASED_MEMORY = Duration.ofDays(7);

    private static final String STATE = "~state";

    /*
     * KEYS[1] the reservation, KEYS[2..] its counters. ARGV: tombstone ms, m, m x (key index, amount, expiry ms or
     * 0), k, k x (max, n, n x key index). Amounts travel as strings and reach INCRBY unchanged (Lua would print a
     * large number in %.14g); sums are exact below 2^53 and are printed with %.0f.
     */
    private static final LuaScript RESERVE = new LuaScript("""
            local state = redis.call('HGET', KEYS[1], '~state')
            if state then return {'DUPLICATE', state} end
            local m = tonumber(ARGV[2])
            local pos = 3
            local added = {}
            local increments = {}
            for i = 1, m do
              local index = tonumber(ARGV[pos])
              increments[i] = {index, ARGV[pos + 1], tonumber(ARGV[pos + 2])}
              added[index] = (added[index] or 0) + tonumber(ARGV[pos + 1])
              pos = pos + 3
            end
            local k = tonumber(ARGV[pos])
            pos = pos + 1
            for j = 1, k do
              local max = tonumber(ARGV[pos])
              local n = tonumber(ARGV[pos + 1])
              pos = pos + 2
              local used = 0
              local requested = 0
              for c = 1, n do
                local index = tonumber(ARGV[pos])
                pos = pos + 1
                used = used + tonumber(redis.call('GET', KEYS[index]) or '0')
                requested = requested + (added[index] or 0)
              end
              if requested > 0 and used + requested > max then
                return {'REFUSED', tostring(j), string.format('%.0f', used), string.format('%.0f', requested)}
              end
            end
            for i = 1, m do
              local key = KEYS[increments[i][1]]
              redis.call('INCRBY', key, increments[i][2])
              local expiry = increments[i][3]
              if expiry > 0 then
                if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, expiry) end
              else
                redis.call('HSET', KEYS[1], key, increments[i][2])
              end
            end
            redis.call('HSET', KEYS[1], '~state', 'held')
            return {'GRANTED'}
            """);

    /* KEYS[1] the reservation; ARGV[1] tombstone ms. Counter keys are the record's fields, in the same slot. */
    private static final LuaScript RELEASE = new LuaScript("""
            if redis.call('HGET', KEYS[1], '~state') ~= 'held' then return 0 end
            local fields = redis.call('HGETALL', KEYS[1])
            for i = 1, #fields, 2 do
              if fields[i] ~= '~state' then redis.call('DECRBY', fields[i], fields[i + 1]) end
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], '~state', 'released')
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """);

    private final RedisCommands<String, String> redis;
    private final String prefix;

    public RedisReservationStore(RedisConnections connections, Domain domain) {
        this.redis = Objects.requireNonNull(connections, "connections").connection().sync();
        this.prefix = Objects.requireNonNull(domain, "domain").id() + ":{reservations}:";
    }

    /** The Redis key of a counter (for tests and operators). */
    public String counterKey(String counter) {
        return prefix + "counter:" + counter;
    }

    private String heldKey(String reservationId) {
        return prefix + "held:" + reservationId;
    }

    @Override
    public ReservationOutcome reserve(ReservationRequest request) {
        List<String> counters = request.counters();
        List<String> keys = new ArrayList<>();
        keys.add(heldKey(request.reservationId()));
        counters.forEach(c -> keys.add(counterKey(c)));
        List<String> args = new ArrayList<>();
        args.add(Long.toString(RELEASED_MEMORY.toMillis()));
        args.add(Integer.toString(request.increments().size()));
        for (Increment increment : request.increments()) {
            args.add(Integer.toString(counters.indexOf(increment.counter()) + 2));
            args.add(Long.toString(increment.amount()));
            args.add(Long.toString(increment.isHeld() ? 0 : increment.expiresAfter().toMillis()));
        }
        args.add(Integer.toString(request.limits().size()));
        for (Limit limit : request.limits()) {
            args.add(Long.toString(limit.max()));
            args.add(Integer.toString(limit.counters().size()));
            limit.counters().forEach(c -> args.add(Integer.toString(counters.indexOf(c) + 2)));
        }
        List<Object> reply = RESERVE.run(redis, ScriptOutputType.MULTI, keys.toArray(String[]::new),
                args.toArray(String[]::new));
        String verdict = text(reply.get(0));
        return switch (verdict) {
            case "GRANTED" -> new ReservationOutcome.Granted(request.reservationId());
            case "DUPLICATE" -> new ReservationOutcome.Duplicate(request.reservationId(),
                    "held".equals(text(reply.get(1))));
            case "REFUSED" -> new ReservationOutcome.Refused(request.reservationId(),
                    request.limits().get(Integer.parseInt(text(reply.get(1))) - 1),
                    Long.parseLong(text(reply.get(2))), Long.parseLong(text(reply.get(3))));
            default -> throw new IllegalStateException("reservation script answered " + reply);
        };
    }

    @Override
    public boolean release(String reservationId) {
        ReservationArguments.requireName(reservationId, "reservation id");
        Long released = RELEASE.run(redis, ScriptOutputType.INTEGER, new String[] {heldKey(reservationId)},
                Long.toString(RELEASED_MEMORY.toMillis()));
        return released != null && released == 1L;
    }

    @Override
    public Map<String, Long> values(Collection<String> names) {
        Map<String, Long> values = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return values;
        }
        List<String> ordered = List.copyOf(names);
        ordered.forEach(n -> ReservationArguments.requireName(n, "counter"));
        List<KeyValue<String, String>> found = redis.mget(ordered.stream().map(this::counterKey)
                .toArray(String[]::new));
        for (int i = 0; i < ordered.size(); i++) {
            KeyValue<String, String> value = found.get(i);
            values.put(ordered.get(i), value.hasValue() ? Long.parseLong(value.getValue()) : 0L);
        }
        return values;
    }

    @Override
    public boolean isHeld(String reservationId) {
        return "held".equals(redis.hget(heldKey(ReservationArguments.requireName(reservationId, "reservation id")),
                STATE));
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(reply);
    }
}
