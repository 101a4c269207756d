package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import com.quantumtrader.events.risk.SignalRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import com.quantumtrader.risk.model.safety.BreakerPhase;

/** order_failure_monitor and drawdown_guard open the breaker; it blocks entries and closes on the clock. */
class CircuitBreakerTest {

    // default policy: 3 failures within 60 minutes open the breaker for 240 minutes
    private final RiskFixture risk = new RiskFixture();

    private List<Emit> failureAfter(Duration sinceLast, int n) {
        risk.advance(sinceLast);
        return risk.orderFailed("failed-" + n, "BTCUSDT", OrderPurpose.ENTRY);
    }

    @Test
    void opensAtTheMaximumOfFailuresWithinTheWindow() {
        assertThat(failureAfter(Duration.ZERO, 1)).isEmpty();
        assertThat(failureAfter(Duration.ofMinutes(20), 2)).isEmpty();

        List<Emit> third = failureAfter(Duration.ofMinutes(20), 3);

        assertThat(third).extracting(e -> e.type().name()).containsExactly("risk.circuit_breaker.activated");
        CircuitBreakerActivated activated = (CircuitBreakerActivated) third.get(0).payload();
        assertThat(activated.cause()).isEqualTo("ORDER_FAILURES");
        assertThat(activated.until()).isEqualTo(RiskFixture.START.plus(Duration.ofMinutes(40 + 240)));
        assertThat(activated.detail()).contains("3 order failures within 60 min");
    }

    @Test
    void countsAFailureExactlyAtTheEdgeOfTheWindow() {
        failureAfter(Duration.ZERO, 1);
        failureAfter(Duration.ofMinutes(30), 2);

        assertThat(failureAfter(Duration.ofMinutes(30), 3)).hasSize(1);
    }

    @Test
    void staysClosedWhenTheFailuresSpreadBeyondTheWindow() {
        failureAfter(Duration.ZERO, 1);
        failureAfter(Duration.ofMinutes(30), 2);

        // the first failure is 60 min 1 s old: two remain in the window
        assertThat(failureAfter(Duration.ofMinutes(30).plusSeconds(1), 3)).isEmpty();
        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @Test
    void blocksEntriesUntilTheCoolOffEndsThenClosesByItself() {
        failureAfter(Duration.ZERO, 1);
        failureAfter(Duration.ZERO, 2);
        failureAfter(Duration.ZERO, 3);
        Instant until = RiskFixture.START.plus(Duration.ofMinutes(240));

        risk.advance(Duration.ofMinutes(240).minusSeconds(1));
        SignalRejected blocked = risk.rejected(aSignal().build());
        risk.advance(Duration.ofSeconds(1));

        assertThat(blocked.reasonCode()).isEqualTo("CIRCUIT_BREAKER_OPEN");
        assertThat(blocked.limit()).isEqualTo("closed");
        assertThat(blocked.value()).isEqualTo("open until " + until);
        assertThat(risk.controls().circuitBreaker()).isEmpty();
        // half-open for the next 60 min: entries again, at half size (0.083 * 0.5 = 0.0415 -> 0.041)
        assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.HALF_OPEN);
        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.041");
        risk.advance(Duration.ofMinutes(60));
        assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.CLOSED);
        assertThat(risk.approved(aSignal().symbol("ETHUSDT").reference("2000").stop("1900").target("2300")
                .build()).approvedQuantity()).isEqualByComparingTo("1");
    }

    @Test
    void aFailureWhileHalfOpenReopensTheBreakerAtOnce() {
        failureAfter(Duration.ZERO, 1);
        failureAfter(Duration.ZERO, 2);
        failureAfter(Duration.ZERO, 3);

        List<Emit> reopened = failureAfter(Duration.ofMinutes(240), 4);

        assertThat(reopened).singleElement().satisfies(e -> {
            CircuitBreakerActivated activated = (CircuitBreakerActivated) e.payload();
            assertThat(activated.cause()).isEqualTo("HALF_OPEN_FAILURE");
            assertThat(activated.until()).isEqualTo(RiskFixture.START.plus(Duration.ofMinutes(480)));
        });
        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("CIRCUIT_BREAKER_OPEN");
    }

    @Test
    void doesNotReopenWhileOpenAndStartsCountingAfresh() {
        failureAfter(Duration.ZERO, 1);
        failureAfter(Duration.ZERO, 2);
        assertThat(failureAfter(Duration.ZERO, 3)).hasSize(1);

        assertThat(failureAfter(Duration.ofMinutes(1), 4)).isEmpty();
        // the fifth failure in a row is the emergency stop's business (emergency.max_consecutive_order_failures)
        assertThat(failureAfter(Duration.ofMinutes(1), 5)).extracting(e -> e.type().name())
                .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
    }

    @Test
    void followsTheBreakerLimitsOfThePolicy() {
        risk.withPolicy(PolicyChanges.circuitBreaker(2, 10, 30));

        failureAfter(Duration.ZERO, 1);
        List<Emit> second = failureAfter(Duration.ofMinutes(10), 2);

        assertThat(((CircuitBreakerActivated) second.get(0).payload()).until())
                .isEqualTo(RiskFixture.START.plus(Duration.ofMinutes(10 + 30)));
    }

    @Test
    void opensOnADrawdownBelowTheEmergencyLevel() {
        List<Emit> out = risk.drawdown("0.1999");

        assertThat(out).extracting(e -> e.type().name()).containsExactly("risk.circuit_breaker.activated");
        CircuitBreakerActivated activated = (CircuitBreakerActivated) out.get(0).payload();
        assertThat(activated.cause()).isEqualTo("DRAWDOWN");
        assertThat(activated.until()).isEqualTo(RiskFixture.START.plus(Duration.ofMinutes(240)));
        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("CIRCUIT_BREAKER_OPEN");
        assertThat(risk.controls().emergencyStop()).isEmpty();
    }

    @Test
    void anOperatorResetReopensEntriesAndIsAudited() {
        risk.drawdown("0.12");
        risk.advance(Duration.ofMinutes(5));

        boolean wasOpen = risk.controls().resetCircuitBreaker("drawdown reviewed", "alice");

        assertThat(wasOpen).isTrue();
        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
        assertThat(risk.controls().auditTrail()).extracting(a -> a.action() + "/" + a.actor() + "/" + a.reason())
                .last().isEqualTo("CIRCUIT_BREAKER_RESET/alice/drawdown reviewed");
        assertThat(risk.controls().auditTrail().get(1).at()).isEqualTo(RiskFixture.START.plusSeconds(300));
    }

    @Test
    void aResetNeedsAReasonAndAnActor() {
        RiskControls controls = risk.controls();

        assertThatThrownBy(() -> controls.resetCircuitBreaker(" ", "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> controls.resetCircuitBreaker("ok", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThat(controls.auditTrail()).isEmpty();
    }

    @Test
    void anOpenBreakerSurvivesARestart() {
        risk.drawdown("0.12");

        assertThat(risk.restarted().rejected(aSignal().build()).reasonCode()).isEqualTo("CIRCUIT_BREAKER_OPEN");
    }
}
