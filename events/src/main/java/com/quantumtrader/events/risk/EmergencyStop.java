package com.quantumtrader.events.risk;

/** The command execution obeys: cancel every open order and flatten every position. */
public record EmergencyStop(
        String reason,
        String requestedBy) {
}
