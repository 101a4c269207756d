package com.quantumtrader.events.os;

/** The OS noticed a degraded component and took an action. */
public record SelfHealingTriggered(
        String component,
        String issue,
        String action) {
}
