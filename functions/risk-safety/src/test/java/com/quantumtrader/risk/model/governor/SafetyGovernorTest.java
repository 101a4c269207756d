package com.quantumtrader.risk.model.governor;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The governor's verdict from health reports in memory (the shipped policy: x0.5 each, held 240 minutes). */
class SafetyGovernorTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final Policy POLICY = PolicyDefaults.load();

    private static HealthReports reports(Optional<Instant> modelDegradedAt, String... componentAndMinutesAgo) {
        Map<String, HealthReports.SystemReport> systems = new LinkedHashMap<>();
        for (int i = 0; i < componentAndMinutesAgo.length; i += 2) {
            systems.put(componentAndMinutesAgo[i], new HealthReports.SystemReport(
                    NOW.minus(Duration.ofMinutes(Long.parseLong(componentAndMinutesAgo[i + 1]))), "lost its feed"));
        }
        return new HealthReports(systems, modelDegradedAt);
    }

    @Test
    void leavesTheSizeAloneWhenEverythingIsHealthy() {
        var verdict = SafetyGovernor.decide(POLICY, HealthReports.none(), "model-1", BreakerPhase.CLOSED, NOW);

        assertThat(verdict.multiplier()).isEqualByComparingTo("1");
        assertThat(verdict.blocked()).isFalse();
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void multipliesEveryDegradationInForce() {
        var verdict = SafetyGovernor.decide(POLICY, reports(Optional.of(NOW.minus(Duration.ofMinutes(10))),
                "market_data", "30", "old_feed", "240"), "model-1", BreakerPhase.HALF_OPEN, NOW);

        assertThat(verdict.multiplier()).isEqualByComparingTo("0.125");
        assertThat(verdict.reasons()).containsExactly("market_data degraded x0.5", "model model-1 degraded x0.5",
                "circuit breaker half-open x0.5");
    }

    @Test
    void blocksEntriesWhileTheExchangeIsReportedUnhealthy() {
        var verdict = SafetyGovernor.decide(POLICY, reports(Optional.empty(), SafetyGovernor.EXCHANGE, "5"), null,
                BreakerPhase.CLOSED, NOW);

        assertThat(verdict.blocked()).isTrue();
        assertThat(verdict.multiplier()).isEqualByComparingTo("0");
        assertThat(verdict.reasons()).containsExactly("exchange unhealthy: lost its feed");
    }
}
