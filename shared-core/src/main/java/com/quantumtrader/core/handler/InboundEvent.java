package com.quantumtrader.core.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventType;
import com.quantumtrader.events.MalformedEventException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

/** An event as a handler sees it: its name and envelope, with typed access to the payload. */
public record InboundEvent(BusEvent event) {

    /**
     * Payload types whose decoded value nobody can change (only scalar components): one decoded instance can serve
     * every handler of the same event. A bar reaches half a dozen handlers; decoding it once each was a measurable
     * share of a backtest.
     */
    private static final ClassValue<Boolean> SHAREABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isRecord() && Arrays.stream(type.getRecordComponents())
                    .allMatch(component -> isScalar(component.getType()));
        }
    };
    private static final Set<Class<?>> SCALARS = Set.of(String.class, BigDecimal.class, BigInteger.class,
            Instant.class, Duration.class, LocalDate.class, Boolean.class, Integer.class, Long.class, Double.class);
    /** The payload this thread decoded last, with the tree it came from. */
    private static final ThreadLocal<Decoded> LAST_DECODED = new ThreadLocal<>();

    private record Decoded(JsonNode tree, Object value) {
    }

    private static boolean isScalar(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || SCALARS.contains(type);
    }

    public String name() {
        return event.name();
    }

    public String eventId() {
        return event.envelope().eventId();
    }

    public String traceId() {
        return event.envelope().traceId();
    }

    public Instant occurredAt() {
        return event.envelope().occurredAt();
    }

    public boolean is(EventType<?> type) {
        return type.name().equals(event.name());
    }

    /** The payload decoded as the given type; a mismatch is a contract violation, not a handler bug. */
    public <T extends Record> T payload(EventType<T> type) {
        if (!is(type)) {
            throw new MalformedEventException("expected " + type.name() + " but got " + event.name());
        }
        JsonNode tree = event.envelope().payload();
        Class<T> payloadType = type.payloadType();
        if (!SHAREABLE.get(payloadType)) {
            return EventJson.convert(tree, payloadType);
        }
        Decoded last = LAST_DECODED.get();
        if (last != null && last.tree() == tree && payloadType.isInstance(last.value())) {
            return payloadType.cast(last.value());
        }
        T value = EventJson.convert(tree, payloadType);
        LAST_DECODED.set(new Decoded(tree, value));
        return value;
    }
}
