package com.quantumtrader.execution.adapter.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.health.CheckResult;
import com.quantumtrader.core.health.HealthStatus;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.execution.ExecutionDomain;
import com.quantumtrader.execution.LiveAccount;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The execution service's margin health check: degraded for an hour after the exchange's margin call. */
class MarginHealthTest {

    private static final Instant CALLED_AT = Instant.parse("2025-01-06T12:00:00Z");

    private final LiveAccount execution = ExecutionDomain.live(
            new SimulatedExchange(SimulatedExchangeSettings.defaults(), new InMemoryKeyValueStore()))
            .liveAccount(new DomainFixture(new InMemoryKeyValueStore()).services());

    @Test
    void isUpBeforeAnyMarginCall() {
        assertThat(ExecutionService.marginHealth(execution, at(CALLED_AT)).status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void isDegradedAfterAMarginCallNamingThePositionAndTheMaintenanceMargin() {
        execution.onMarginCall(List.of(marginCall()));

        CheckResult result = ExecutionService.marginHealth(execution, at(CALLED_AT.plus(Duration.ofMinutes(59))));

        assertThat(result.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.detail()).contains("MARGIN_CALL", "BTCUSDT", "0.010", "58210.10", "2.32840400");
    }

    @Test
    void isUpAgainAnHourAfterTheLastMarginCall() {
        execution.onMarginCall(List.of(marginCall()));

        assertThat(ExecutionService.marginHealth(execution, at(CALLED_AT.plus(Duration.ofHours(1)))).status())
                .isEqualTo(HealthStatus.UP);
    }

    private static MarginCall marginCall() {
        return new MarginCall("BTCUSDT", new BigDecimal("0.010"), "CROSSED", new BigDecimal("58210.10"),
                new BigDecimal("-30.245"), new BigDecimal("2.32840400"), new BigDecimal("3.16812045"), CALLED_AT);
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }
}
