package com.quantumtrader.events.risk;

/** The emergency stop system latched: why, and the figure against its threshold. */
public record EmergencyTriggered(
        String reason,
        String value,
        String threshold) {
}
