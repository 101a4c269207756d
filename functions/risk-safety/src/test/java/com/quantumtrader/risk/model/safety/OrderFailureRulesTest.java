package com.quantumtrader.risk.model.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.risk.policy.CircuitBreakerPolicy;
import com.quantumtrader.risk.policy.EmergencyPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What one order failure does to the safety switches, decided without a store. */
class OrderFailureRulesTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    /** 5 failures in a row or 5 minutes unreachable latch the stop. */
    private static final EmergencyPolicy EMERGENCY = new EmergencyPolicy(new BigDecimal("0.05"), 5, 5);
    /** 3 failures within 60 minutes trip the breaker. */
    private static final CircuitBreakerPolicy BREAKER = new CircuitBreakerPolicy(3, 60, 240);

    private static OrderFailureRules.Failure failure(String code, long inARow, Optional<Instant> unreachableSince,
                                                     BreakerPhase phase, Instant... earlier) {
        return new OrderFailureRules.Failure(code, "BTCUSDT", NOW, inARow, unreachableSince, phase,
                new FailureWindow(List.of(earlier)));
    }

    @Test
    void latchesTheEmergencyStopAfterTooManyFailuresInARow() {
        var outcome = OrderFailureRules.decide(failure("-4164", 5, Optional.empty(), BreakerPhase.CLOSED),
                EMERGENCY, BREAKER);

        assertThat(outcome).isEqualTo(new OrderFailureRules.Emergency(OrderFailureRules.CONSECUTIVE_FAILURES,
                "order failures in a row", "5", "5"));
    }

    @Test
    void latchesTheEmergencyStopWhenTheExchangeStaysUnreachable() {
        var outcome = OrderFailureRules.decide(failure("TIMEOUT", 2, Optional.of(NOW.minus(Duration.ofMinutes(6))),
                BreakerPhase.CLOSED), EMERGENCY, BREAKER);

        assertThat(outcome).isEqualTo(new OrderFailureRules.Emergency(OrderFailureRules.EXCHANGE_UNREACHABLE,
                "exchange unreachable for", "6 min", "5 min"));
    }

    @Test
    void countsAnUnreachableExchangeOnlyForUnreachableCodes() {
        var outcome = OrderFailureRules.decide(failure("-4164", 2, Optional.of(NOW.minus(Duration.ofMinutes(6))),
                BreakerPhase.CLOSED), EMERGENCY, BREAKER);

        assertThat(outcome).isInstanceOf(OrderFailureRules.Counted.class);
    }

    @Test
    void reopensTheBreakerOnAnyFailureWhileHalfOpen() {
        var outcome = OrderFailureRules.decide(failure("-4164", 1, Optional.empty(), BreakerPhase.HALF_OPEN),
                EMERGENCY, BREAKER);

        assertThat(outcome).isEqualTo(new OrderFailureRules.Trip(OrderFailureRules.HALF_OPEN_FAILURE,
                "-4164 on BTCUSDT while half-open", true));
    }

    @Test
    void tripsTheBreakerWhenTheWindowFills() {
        var outcome = OrderFailureRules.decide(failure("-2019", 3, Optional.empty(), BreakerPhase.CLOSED,
                NOW.minus(Duration.ofMinutes(50)), NOW.minus(Duration.ofMinutes(10))), EMERGENCY, BREAKER);

        assertThat(outcome).isEqualTo(new OrderFailureRules.Trip(OrderFailureRules.CAUSE,
                "3 order failures within 60 min (limit 3), last -2019 on BTCUSDT", false));
    }

    @Test
    void countsTheFailureAndForgetsThoseOlderThanTheWindow() {
        var outcome = OrderFailureRules.decide(failure("-2019", 3, Optional.empty(), BreakerPhase.CLOSED,
                NOW.minus(Duration.ofMinutes(61)), NOW.minus(Duration.ofMinutes(10))), EMERGENCY, BREAKER);

        assertThat(outcome).isEqualTo(new OrderFailureRules.Counted(
                new FailureWindow(List.of(NOW.minus(Duration.ofMinutes(10)), NOW))));
    }

    @Test
    void doesNotTripAnOpenBreakerAgain() {
        var outcome = OrderFailureRules.decide(failure("-2019", 3, Optional.empty(), BreakerPhase.OPEN,
                NOW.minus(Duration.ofMinutes(2)), NOW.minus(Duration.ofMinutes(1))), EMERGENCY, BREAKER);

        assertThat(outcome).isInstanceOf(OrderFailureRules.Counted.class);
    }

    @Test
    void breakerPhaseFollowsTheClock() {
        var policy = new CircuitBreakerPolicy(3, 60, 240);
        var opened = Optional.of(new CircuitBreakerState("X", "d", NOW, NOW.plus(Duration.ofHours(4))));

        assertThat(BreakerPhase.at(Optional.empty(), NOW, policy)).isEqualTo(BreakerPhase.CLOSED);
        assertThat(BreakerPhase.at(opened, NOW.plus(Duration.ofMinutes(239)), policy)).isEqualTo(BreakerPhase.OPEN);
        assertThat(BreakerPhase.at(opened, NOW.plus(Duration.ofMinutes(240)), policy))
                .isEqualTo(BreakerPhase.HALF_OPEN);
        assertThat(BreakerPhase.at(opened, NOW.plus(Duration.ofMinutes(300)), policy)).isEqualTo(BreakerPhase.CLOSED);
    }
}
