package com.quantumtrader.core.health;

/** How well a part of the platform works, from best to worst. */
public enum HealthStatus {
    UP,
    /** Working, but not as it should (slow, or a non-critical part is down). */
    DEGRADED,
    DOWN;

    HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
