package com.quantumtrader.core.health;

import java.util.Objects;

/** What one check found: a status and a short detail for an operator (never a secret). */
public record CheckResult(HealthStatus status, String detail) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static CheckResult up(String detail) {
        return new CheckResult(HealthStatus.UP, detail);
    }

    public static CheckResult degraded(String detail) {
        return new CheckResult(HealthStatus.DEGRADED, detail);
    }

    public static CheckResult down(String detail) {
        return new CheckResult(HealthStatus.DOWN, detail);
    }
}
