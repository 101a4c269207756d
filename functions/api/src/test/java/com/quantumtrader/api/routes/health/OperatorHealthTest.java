package com.quantumtrader.api.routes.health;

import com.quantumtrader.api.readmodel.TradingView;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.health.CheckResult;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.health.HealthStatus;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import com.quantumtrader.events.risk.EmergencyTriggered;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What {@code /health} tells an operator about the emergency stop and about domains that went quiet. */
class OperatorHealthTest {

    static final Instant WALL_NOW = Instant.parse("2026-12-08T09:00:00Z");
    /** A paper run's market clock: far from the wall clock, and an hour further at every bar. */
    static final Instant MARKET_START = Instant.parse("2025-01-01T00:00:00Z");

    final SimulatedClock wall = new SimulatedClock(WALL_NOW);
    final SimulatedClock market = new SimulatedClock(MARKET_START);
    final EventFactory events = new EventFactory(market, new EventIds(market, new SplittableRandom(3)));
    final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    final TradingView projection = new TradingView(store, wall);
    final TradingView routes = new TradingView(store);

    @Test
    void theEmergencyStopCheckIsUpAgainOnceAnOperatorResetTheLatch() {
        projection.accept(trigger());
        assertThat(check("emergency_stop").status()).isEqualTo(HealthStatus.DEGRADED);

        projection.accept(operator(OperatorCommand.Kind.EMERGENCY_RESET, "drawdown reviewed")); // same instant

        CheckResult afterReset = check("emergency_stop");
        assertThat(afterReset.status()).isEqualTo(HealthStatus.UP);
        assertThat(afterReset.detail()).contains("reset at").contains("token:alice");
    }

    @Test
    void aTriggerAfterTheResetLatchesItAgain() {
        projection.accept(trigger());
        projection.accept(operator(OperatorCommand.Kind.EMERGENCY_RESET, "drawdown reviewed"));
        market.advance(Duration.ofHours(1));

        projection.accept(trigger());

        assertThat(check("emergency_stop").status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void aResetDeliveredBeforeTheTriggerItFollowsStillClearsIt() {
        // at-least-once, in no guaranteed order: the view goes by the events' order, not their arrival
        BusEvent trigger = trigger();
        BusEvent reset = operator(OperatorCommand.Kind.EMERGENCY_RESET, "drawdown reviewed");

        projection.accept(reset);
        projection.accept(trigger);

        assertThat(check("emergency_stop").status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void anEmergencyStopCommandAloneIsNoReset() {
        projection.accept(trigger());

        projection.accept(operator(OperatorCommand.Kind.EMERGENCY_STOP, "again"));

        assertThat(check("emergency_stop").status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void domainsThatSpokeRecentlyInWallTimeAreUpHoweverFarTheMarketClockMoved() {
        for (int bar = 0; bar < 48; bar++) {
            market.advance(Duration.ofHours(1)); // two days of market time ...
            wall.advance(Duration.ofMillis(250)); // ... in twelve seconds of an operator's time
            projection.accept(positionOpened("p" + bar));
        }
        // nothing from this domain for 47 market hours: still just 12 s ago for the operator
        market.advance(Duration.ofHours(47));

        assertThat(check("last_event_per_domain").status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void aDomainSilentForOverTwoHoursOfWallTimeIsDegraded() {
        projection.accept(positionOpened("p1"));

        wall.advance(PlatformChecks.SILENT_AFTER.plusMinutes(1));

        CheckResult silent = check("last_event_per_domain");
        assertThat(silent.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(silent.detail()).contains("silent for over 2 h").contains("portfolio heard at " + WALL_NOW);
    }

    @Test
    void theCircuitBreakerExpiresOnTheMarketClockItWasSetOn() {
        projection.accept(events.create(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED,
                new CircuitBreakerActivated("LOSS_STREAK", "3 losses",
                        MARKET_START.plus(Duration.ofHours(4))), events.newTraceId()));
        assertThat(check("circuit_breaker").status()).isEqualTo(HealthStatus.DEGRADED);

        market.advance(Duration.ofHours(5)); // the wall clock has not moved

        assertThat(check("circuit_breaker").status()).isEqualTo(HealthStatus.UP);
    }

    /** A fresh checker each time: no cached report in between. */
    private CheckResult check(String name) {
        HealthChecker checker = new HealthChecker(wall, Duration.ofMillis(1), Duration.ofSeconds(2));
        try (checker) {
            PlatformChecks.registerEventChecks(checker, routes, wall, market);
            return checker.report().check(name);
        }
    }

    private BusEvent trigger() {
        return events.create(EventCatalog.SAFETY_EMERGENCY_TRIGGERED,
                new EmergencyTriggered("MAX_DRAWDOWN", "0.21", "0.20"), events.newTraceId());
    }

    private BusEvent operator(OperatorCommand.Kind kind, String reason) {
        String trace = events.newTraceId();
        return events.create(EventCatalog.OS_OPERATOR_COMMAND, new OperatorCommand(trace, kind, reason, "token:alice"),
                trace);
    }

    private BusEvent positionOpened(String id) {
        return events.create(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened(id, "BTCUSDT", Side.LONG,
                new BigDecimal("0.001"), new BigDecimal("60000.0"), new BigDecimal("59000.0"),
                new BigDecimal("62000.0"), "s-" + id, "trend", "trend@v1"), events.newTraceId());
    }
}
