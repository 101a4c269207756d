package com.quantumtrader.risk.model.governor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The health reports the governor weighs for one signal: every system component reported degraded (in store order)
 * and when the signal's model was last reported degraded.
 */
public record HealthReports(Map<String, SystemReport> systems, Optional<Instant> modelDegradedAt) {

    /** A component's last report: when it arrived and what it said. */
    public record SystemReport(Instant at, String issue) {
    }

    public static HealthReports none() {
        return new HealthReports(Map.of(), Optional.empty());
    }
}
