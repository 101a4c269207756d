package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.Domain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Risk's switches and reservations live in Redis under its own prefix and survive a new process. */
class RiskStateInRedisTest {

    private final SimulatedClock clock = new SimulatedClock(RiskFixture.START);

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    @Test
    void aNewProcessSeesTheLatchTheBreakerAndTheReservations() {
        String signalId;
        try (RedisConnections first = RedisConnections.connect(RedisTestServer.url())) {
            RiskFixture risk = new RiskFixture(clock, new RedisKeyValueStore(first, Domain.RISK_SAFETY));
            signalId = risk.approved(aSignal().build()).signalId();
            risk.drawdown("0.15");
            risk.drawdown("0.25");
        }

        try (RedisConnections second = RedisConnections.connect(RedisTestServer.url())) {
            RiskFixture risk = new RiskFixture(clock, new RedisKeyValueStore(second, Domain.RISK_SAFETY));
            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
            risk.controls().resetEmergencyStop("reviewed", "ops");
            assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("CIRCUIT_BREAKER_OPEN");
            clock.advance(Duration.ofMinutes(240));
            assertThat(risk.rejected(aSignal().build()).message()).contains(signalId);
            assertThat(risk.controls().auditTrail()).extracting(a -> a.action()).containsExactly(
                    "CIRCUIT_BREAKER_OPENED", "ESS_LATCHED", "ESS_RESET");
        }

        try (var redis = RedisTestServer.client().connect()) {
            assertThat(redis.sync().keys("*")).isNotEmpty().allMatch(key -> key.startsWith("risk_safety:"));
        }
    }
}
