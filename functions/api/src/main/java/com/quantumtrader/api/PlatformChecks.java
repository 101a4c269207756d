package com.quantumtrader.api;

import com.quantumtrader.core.health.CheckResult;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.health.RedisPingCheck;
import com.quantumtrader.core.redis.RedisConnections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks behind {@code /health}: Redis (critical: state, policy and idempotency live there), and from the
 * events the API has seen, the safety switches and how long ago each domain last spoke.
 */
final class PlatformChecks {

    /** A domain silent for longer than this is reported as degraded. */
    static final Duration SILENT_AFTER = Duration.ofHours(2);

    private PlatformChecks() {
    }

    static HealthChecker register(HealthChecker checker, RedisConnections redis, TradingView view, Clock clock) {
        checker.register("redis", RedisPingCheck.of(redis));
        registerEventChecks(checker, view, clock);
        return checker;
    }

    static HealthChecker registerEventChecks(HealthChecker checker, TradingView view, Clock clock) {
        checker.registerNonCritical("emergency_stop", () -> view.lastEmergencyTrigger()
                .map(ess -> CheckResult.degraded("triggered at " + ess.path("triggered_at").asText() + ": "
                        + ess.path("reason").asText() + " " + ess.path("value").asText() + " >= "
                        + ess.path("threshold").asText()))
                .orElseGet(() -> CheckResult.up("no trigger seen")));
        checker.registerNonCritical("circuit_breaker", () -> view.openCircuitBreaker(clock.instant())
                .map(breaker -> CheckResult.degraded("open until " + breaker.path("until").asText() + ": "
                        + breaker.path("cause").asText()))
                .orElseGet(() -> CheckResult.up("closed")));
        checker.registerNonCritical("last_event_per_domain", () -> lastEvents(view, clock.instant()));
        return checker;
    }

    private static CheckResult lastEvents(TradingView view, Instant now) {
        Map<String, Instant> seen = new TreeMap<>(view.lastEventByDomain());
        if (seen.isEmpty()) {
            return CheckResult.degraded("no event seen yet");
        }
        StringBuilder detail = new StringBuilder();
        boolean silent = false;
        for (Map.Entry<String, Instant> entry : seen.entrySet()) {
            Duration age = Duration.between(entry.getValue(), now);
            silent |= age.compareTo(SILENT_AFTER) > 0;
            detail.append(detail.isEmpty() ? "" : ", ").append(entry.getKey()).append(' ').append(entry.getValue());
        }
        return silent ? CheckResult.degraded("silent for over " + SILENT_AFTER.toHours() + " h: " + detail)
                : CheckResult.up(detail.toString());
    }
}
