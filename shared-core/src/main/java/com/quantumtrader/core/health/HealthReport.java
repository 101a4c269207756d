package com.quantumtrader.core.health;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The platform's health at {@code checkedAt}: the aggregate status and every check's result, in registration order.
 */
public record HealthReport(HealthStatus status, Instant checkedAt, Map<String, CheckResult> checks) {

    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    public CheckResult check(String name) {
        CheckResult result = checks.get(name);
        if (result == null) {
            throw new IllegalArgumentException("no health check named '" + name + "' (known: " + checks.keySet() + ")");
        }
        return result;
    }
}
