package com.quantumtrader.events.os;

/**
 * An operator's command to the safety switches, sent through the admin API. The API only records and forwards the
 * request; risk & safety, which owns the switches, carries it out and audits it under the operator's identity.
 *
 * @param commandId   unique per request, so a redelivered command is recognised
 * @param command     what to do
 * @param reason      why, as the operator typed it (kept in risk's audit trail)
 * @param requestedBy the caller's identity: the IAM principal of the function URL request, or the local token's name
 */
public record OperatorCommand(
        String commandId,
        Kind command,
        String reason,
        String requestedBy) {

    /** The commands an operator can give the safety switches. */
    public enum Kind {
        /** Latch the emergency stop: reject every signal and flatten every position. */
        EMERGENCY_STOP,
        /** Clear a latched emergency stop. */
        EMERGENCY_RESET,
        /** Close an open circuit breaker before its cool-off ends. */
        CIRCUIT_BREAKER_RESET
    }
}
