package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aLongOn;
import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.EmergencyTriggered;
import com.quantumtrader.risk.model.safety.AuditEntry;
import static org.assertj.core.groups.Tuple.tuple;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** drawdown_guard latches the emergency stop at the policy's emergency drawdown; only a reset releases it. */
class EmergencyStopTest {

    // default policy: emergency drawdown 0.20
    private final RiskFixture risk = new RiskFixture();

    @Test
    void latchesAtTheEmergencyDrawdownAndOrdersAFlatten() {
        List<Emit> out = risk.drawdown("0.20");

        assertThat(out).extracting(e -> e.type().name())
                .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
        EmergencyTriggered triggered = (EmergencyTriggered) out.get(0).payload();
        assertThat(triggered.reason()).isEqualTo("DRAWDOWN");
        assertThat(triggered.value()).isEqualTo("0.20");
        assertThat(triggered.threshold()).isEqualTo("0.20");
        EmergencyStop stop = (EmergencyStop) out.get(1).payload();
        assertThat(stop.requestedBy()).isEqualTo("ess");
        assertThat(stop.reason()).isEqualTo("DRAWDOWN: drawdown 0.20 >= 0.20");
        assertThat(risk.controls().emergencyStop()).hasValueSatisfying(latch -> {
            assertThat(latch.latchedAt()).isEqualTo(RiskFixture.START);
            assertThat(latch.value()).isEqualTo("0.20");
        });
    }

    @Test
    void rejectsEverySignalWhileLatched() {
        risk.drawdown("0.25");

        assertThat(List.of(aSignal().build(), aLongOn("ETHUSDT", "2000").build(), aSignal().confidence(0.1).build(),
                aLongOn("SOLUSDT", "100").build()))
                .allSatisfy(signal -> {
                    var rejected = risk.rejected(signal);
                    assertThat(rejected.reasonCode()).isEqualTo("ESS_ACTIVE");
                    assertThat(rejected.limit()).isEqualTo("inactive");
                    assertThat(rejected.value()).isEqualTo("latched");
                });
    }

    @Test
    void triggeringTwiceChangesNothing() {
        risk.drawdown("0.21");
        risk.advance(Duration.ofMinutes(1));

        List<Emit> again = risk.drawdown("0.30");

        assertThat(again).isEmpty();
        assertThat(risk.controls().emergencyStop()).hasValueSatisfying(latch ->
                assertThat(latch.value()).isEqualTo("0.21"));
        assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action).containsExactly("ESS_LATCHED");
    }

    @Test
    void staysLatchedAfterTheBreakerCoolOffAndARestart() {
        risk.drawdown("0.20");
        risk.advance(Duration.ofDays(2));

        assertThat(risk.restarted().rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
    }

    @Test
    void anOperatorResetReleasesItAndIsAudited() {
        risk.drawdown("0.20");
        risk.advance(Duration.ofHours(1));

        boolean wasLatched = risk.controls().resetEmergencyStop("positions flat, cause understood", "bob");

        assertThat(wasLatched).isTrue();
        assertThat(risk.controls().emergencyStop()).isEmpty();
        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isEqualByComparingTo("0.083");
        assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::reason)
                .containsExactly(
                        tuple("ESS_LATCHED", "drawdown_guard", "DRAWDOWN 0.20 >= 0.20"),
                        tuple("ESS_RESET", "bob", "positions flat, cause understood"));
        assertThat(risk.controls().auditTrail().get(1).at()).isEqualTo(RiskFixture.START.plus(Duration.ofHours(1)));
    }

    @Test
    void canLatchAgainAfterAReset() {
        risk.drawdown("0.20");
        risk.controls().resetEmergencyStop("reviewed", "bob");

        assertThat(risk.drawdown("0.22")).extracting(e -> e.type().name())
                .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
    }

    @Test
    void resettingWhenNotLatchedReportsItAndIsStillAudited() {
        boolean wasLatched = risk.controls().resetEmergencyStop("checking", "carol");

        assertThat(wasLatched).isFalse();
        assertThat(risk.controls().auditTrail()).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("checking (was not latched)"));
    }
}
