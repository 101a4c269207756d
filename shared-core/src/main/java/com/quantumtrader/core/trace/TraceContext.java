package com.quantumtrader.core.trace;

import org.slf4j.MDC;

/**
 * The {@code trace_id} of the event being handled, kept in the logging MDC so every log line carries it. The
 * handler runtime opens a scope around each handler call.
 */
public final class TraceContext {

    public static final String TRACE_ID = "trace_id";
    public static final String EVENT_ID = "event_id";
    public static final String HANDLER = "handler";

    private TraceContext() {
    }

    public static Scope open(String traceId, String eventId, String handler) {
        String previousTrace = MDC.get(TRACE_ID);
        String previousEvent = MDC.get(EVENT_ID);
        String previousHandler = MDC.get(HANDLER);
        put(TRACE_ID, traceId);
        put(EVENT_ID, eventId);
        put(HANDLER, handler);
        return () -> {
            put(TRACE_ID, previousTrace);
            put(EVENT_ID, previousEvent);
            put(HANDLER, previousHandler);
        };
    }

    public static String currentTraceId() {
        return MDC.get(TRACE_ID);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** Restores the previous context when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
