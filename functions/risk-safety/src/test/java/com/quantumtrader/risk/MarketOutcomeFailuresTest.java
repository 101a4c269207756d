package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An entry the market did not take (an IOC that expired unfilled, a post-only order that would have taken) frees
 * its reservation like any failed entry, but it is no failure of the exchange: it counts neither towards the
 * circuit breaker nor towards the emergency stop's failures in a row.
 */
class MarketOutcomeFailuresTest {

    // default policy: the breaker opens at 3 failures within 60 min, the emergency stop latches at 5 in a row
    private final RiskFixture risk = new RiskFixture();

    private List<Emit> failures(int count, String prefix, String errorCode) {
        List<Emit> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            risk.advance(Duration.ofSeconds(10));
            out.addAll(risk.orderFailed(prefix + i, "BTCUSDT", errorCode));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPIRED_UNFILLED", "POST_ONLY_REJECTED"})
    void freesTheReservationOfAnEntryTheMarketDidNotTake(String code) {
        SignalApproved approved = risk.approved(aSignal().build());
        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");

        assertThat(risk.orderFailed(approved.signalId(), "BTCUSDT", code)).isEmpty();

        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPIRED_UNFILLED", "POST_ONLY_REJECTED"})
    void neverOpensTheBreakerNorLatchesTheEmergencyStopHoweverMany(String code) {
        List<Emit> out = failures(12, "m", code);

        assertThat(out).isEmpty();
        assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.CLOSED);
        assertThat(risk.controls().emergencyStop()).isEmpty();
        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPIRED_UNFILLED", "POST_ONLY_REJECTED"})
    void neitherAddsToNorBreaksARunOfRealFailures(String code) {
        risk.withPolicy(PolicyChanges.circuitBreaker(100, 60, 240)); // only the emergency stop's count matters
        failures(4, "f", "-4164");
        failures(3, "m", code);

        List<Emit> fifthRealFailure = failures(1, "g", "-4164");

        assertThat(fifthRealFailure).extracting(e -> e.type().name())
                .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPIRED_UNFILLED", "POST_ONLY_REJECTED"})
    void doesNotReopenAHalfOpenBreaker(String code) {
        failures(3, "f", "-4164");
        risk.advance(Duration.ofMinutes(240));
        assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.HALF_OPEN);

        assertThat(failures(1, "m", code)).isEmpty();

        assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.HALF_OPEN);
        // and a real failure still does
        assertThat(failures(1, "g", "-4164")).extracting(e -> e.type().name())
                .containsExactly("risk.circuit_breaker.activated");
    }
}
