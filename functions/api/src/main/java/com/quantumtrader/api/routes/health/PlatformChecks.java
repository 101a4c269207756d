package com.quantumtrader.api.routes.health;

import com.quantumtrader.api.readmodel.TradingView;
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
 *
 * <p>Two clocks, because the checks ask two kinds of question. Whether a domain is still talking is about live
 * processes, so it is measured on the wall clock, from when the trading view received each domain's last event
 * (a paper run's simulated market moves an hour per bar, and the events' own times say nothing about whether the
 * processes are alive). Whether the circuit breaker is still open compares risk's {@code until}, set on the market
 * clock risk runs on, with that same clock. In AWS both are the system clock.
 */
public final class PlatformChecks {

    /** A domain not heard of for longer than this (wall time) is reported as degraded. */
    static final Duration SILENT_AFTER = Duration.ofHours(2);

    private PlatformChecks() {
    }

    public static HealthChecker register(HealthChecker checker, RedisConnections redis, TradingView view, Clock clock) {
        return register(checker, redis, view, clock, clock);
    }

    /**
     * @param wallClock   an operator's time: how long a domain has been silent
     * @param marketClock the time the domains run on: whether the circuit breaker is still open
     */
    public static HealthChecker register(HealthChecker checker, RedisConnections redis, TradingView view,
                                         Clock wallClock, Clock marketClock) {
        checker.register("redis", RedisPingCheck.of(redis));
        registerEventChecks(checker, view, wallClock, marketClock);
        return checker;
    }

    public static HealthChecker registerEventChecks(HealthChecker checker, TradingView view, Clock clock) {
        return registerEventChecks(checker, view, clock, clock);
    }

    public static HealthChecker registerEventChecks(HealthChecker checker, TradingView view, Clock wallClock,
                                                    Clock marketClock) {
        checker.registerNonCritical("emergency_stop", () -> view.latchedEmergency()
                .map(ess -> CheckResult.degraded("latched at " + ess.path("triggered_at").asText() + ": "
                        + ess.path("reason").asText() + " " + ess.path("value").asText() + " >= "
                        + ess.path("threshold").asText()))
                .orElseGet(() -> CheckResult.up(view.lastEmergencyReset()
                        .map(reset -> "reset at " + reset.path("reset_at").asText() + " by "
                                + reset.path("requested_by").asText())
                        .orElse("no trigger seen"))));
        checker.registerNonCritical("circuit_breaker", () -> view.openCircuitBreaker(marketClock.instant())
                .map(breaker -> CheckResult.degraded("open until " + breaker.path("until").asText() + ": "
                        + breaker.path("cause").asText()))
                .orElseGet(() -> CheckResult.up("closed")));
        checker.registerNonCritical("last_event_per_domain", () -> lastEvents(view, wallClock.instant()));
        return checker;
    }

    private static CheckResult lastEvents(TradingView view, Instant now) {
        Map<String, Instant> heard = new TreeMap<>(view.lastReceivedByDomain());
        if (heard.isEmpty()) {
            return CheckResult.degraded("no event seen yet");
        }
        StringBuilder detail = new StringBuilder();
        boolean silent = false;
        for (Map.Entry<String, Instant> entry : heard.entrySet()) {
            Duration age = Duration.between(entry.getValue(), now);
            silent |= age.compareTo(SILENT_AFTER) > 0;
            detail.append(detail.isEmpty() ? "" : ", ").append(entry.getKey()).append(" heard at ")
                    .append(entry.getValue());
        }
        return silent ? CheckResult.degraded("silent for over " + SILENT_AFTER.toHours() + " h: " + detail)
                : CheckResult.up(detail.toString());
    }
}
