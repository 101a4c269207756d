package com.quantumtrader.risk.store;

import java.time.LocalDate;

/**
 * Every key risk keeps in its store, in one place. Keys are relative: the store scopes them under the domain's
 * prefix. The exposure counters of the reservation store are named in {@link ExposurePlan}.
 */
final class RiskKeys {

    /** Hash: signal id to the JSON of its {@code Reservation}. */
    static final String RESERVATIONS = "reservations";
    /** Realised P&amp;L of every closed position, USDT. */
    static final String REALIZED_PNL = "realized_pnl";
    static final String LOSING_STREAK = "losing_streak";
    static final String LAST_LOSS_AT = "last_loss_at";
    /** The emergency stop latch ({@code EmergencyLatch}), absent when not latched. */
    static final String ESS = "ess";
    /** The last circuit breaker opening ({@code CircuitBreakerState}). */
    static final String BREAKER = "circuit_breaker";
    /** Hash: zero-padded sequence to {@code AuditEntry}. */
    static final String AUDIT = "audit";
    static final String AUDIT_SEQUENCE = "audit_sequence";
    /** Hash: component to "reported-at|issue" of system health reports. */
    static final String SYSTEM_HEALTH = "health";
    /** Hash: model id to when it was reported degraded. */
    static final String MODEL_HEALTH = "model_health";
    /** Hash: signal id to the trace id its lifecycle is kept under. */
    static final String LIFECYCLE_TRACE = "lifecycle_trace";
    /** Hash: trace id to "stage|since" of trades waiting in APPROVED or SUBMITTED. */
    static final String LIFECYCLE_WAITING = "lifecycle_waiting";
    /** The order failures within the circuit breaker's window ({@code FailureWindow}). */
    static final String ORDER_FAILURES = "order_failures";
    static final String FAILURES_IN_A_ROW = "failures_in_a_row";
    static final String UNREACHABLE_SINCE = "unreachable_since";

    private RiskKeys() {
    }

    /** Realised P&amp;L of one UTC day. */
    static String dailyPnl(LocalDate day) {
        return "daily_pnl:" + day;
    }

    /** When the symbol was last stopped out. */
    static String stopOut(String symbol) {
        return "stop_out:" + symbol;
    }

    /** The symbol's recent closes ({@code Closes}). */
    static String closes(String symbol) {
        return "closes:" + symbol;
    }

    /** One trade's lifecycle ({@code TradeLifecycle}). */
    static String lifecycle(String traceId) {
        return "lifecycle:" + traceId;
    }

    /** The claim of an operator command: carried out once per command id. */
    static String operatorCommand(String commandId) {
        return "operator_command:" + commandId;
    }
}
