package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.events.os.OperatorCommand.Kind;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.EmergencyTriggered;
import com.quantumtrader.risk.model.safety.AuditEntry;
import com.quantumtrader.risk.model.safety.BreakerPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * operator_command_executor carries out the admin API's {@code os.operator.command} on the safety switches under
 * the operator's name, once per command id, behind the real HandlerRuntime.
 */
class OperatorCommandTest {

    private final RiskFixture risk = new RiskFixture();
    private final List<BusEvent> published = new ArrayList<>();
    private final HandlerRuntime executor = new HandlerRuntime(
            risk.handlers.get(RiskSafetyDomain.OPERATOR_COMMAND_EXECUTOR), new InMemoryIdempotencyStore(),
            risk.events, published::add);

    private BusEvent command(String id, Kind kind, String reason, String operator) {
        return risk.event(EventCatalog.OS_OPERATOR_COMMAND, new OperatorCommand(id, kind, reason, operator));
    }

    @Test
    void anEmergencyStopLatchesUnderTheOperatorsNameAndOrdersAFlatten() {
        BusEvent stop = command("cmd-1", Kind.EMERGENCY_STOP, "exchange acting up", "arn:aws:iam::1:user/alice");

        HandlerOutcome outcome = executor.dispatch(stop);

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(published).extracting(BusEvent::name)
                .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
        assertThat(published).extracting(BusEvent::traceId).containsOnly(stop.traceId());
        EmergencyTriggered triggered = new InboundEvent(published.get(0))
                .payload(EventCatalog.SAFETY_EMERGENCY_TRIGGERED);
        assertThat(triggered).isEqualTo(new EmergencyTriggered("MANUAL", "exchange acting up", "operator request"));
        EmergencyStop flatten = new InboundEvent(published.get(1)).payload(EventCatalog.SAFETY_EMERGENCY_STOP);
        assertThat(flatten.requestedBy()).isEqualTo("arn:aws:iam::1:user/alice");
        assertThat(flatten.reason()).isEqualTo("MANUAL: requested by arn:aws:iam::1:user/alice: exchange acting up");
        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("ESS_ACTIVE");
        assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(tuple("ESS_LATCHED", "arn:aws:iam::1:user/alice"));
    }

    @Test
    void aStopWhileLatchedPublishesNothingAndKeepsTheFirstLatch() {
        risk.drawdown("0.25");

        executor.dispatch(command("cmd-2", Kind.EMERGENCY_STOP, "belt and braces", "alice"));

        assertThat(published).isEmpty();
        assertThat(risk.controls().emergencyStop()).hasValueSatisfying(latch ->
                assertThat(latch.reason()).isEqualTo("DRAWDOWN"));
    }

    @Test
    void aRepeatedEmergencyStopIsAuditedAsAlreadyLatched() {
        executor.dispatch(command("cmd-1", Kind.EMERGENCY_STOP, "exchange acting up", "alice"));
        published.clear();
        risk.advance(Duration.ofMinutes(5));

        HandlerOutcome repeated = executor.dispatch(command("cmd-2", Kind.EMERGENCY_STOP, "still acting up", "bob"));

        assertThat(repeated.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(published).isEmpty();
        assertThat(risk.controls().emergencyStop()).hasValueSatisfying(latch ->
                assertThat(latch.value()).isEqualTo("exchange acting up"));
        assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(tuple("ESS_LATCHED", "alice"), tuple("ESS_STOP_REQUESTED", "bob"));
        assertThat(risk.controls().auditTrail().get(1).reason())
                .startsWith("still acting up (already latched since ").endsWith(": MANUAL)");
    }

    @Test
    void anEmergencyResetReleasesTheLatchAndIsAuditedWithTheOperatorsReason() {
        executor.dispatch(command("cmd-1", Kind.EMERGENCY_STOP, "manual halt", "alice"));
        risk.advance(Duration.ofMinutes(30));

        HandlerOutcome outcome = executor.dispatch(command("cmd-2", Kind.EMERGENCY_RESET, "flat, resuming", "bob"));

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(outcome.published()).isEmpty();
        assertThat(risk.controls().emergencyStop()).isEmpty();
        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isPositive();
        assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::reason)
                .containsExactly(
                        tuple("ESS_LATCHED", "alice", "MANUAL manual halt >= operator request"),
                        tuple("ESS_RESET", "bob", "flat, resuming"));
    }

    @Test
    void aCircuitBreakerResetOpensEntriesBeforeTheCoolOffEnds() {
        for (int i = 0; i < 3; i++) {
            risk.orderFailed("failed-" + i, "BTCUSDT", OrderPurpose.ENTRY);
        }
        assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.OPEN);

        executor.dispatch(command("cmd-3", Kind.CIRCUIT_BREAKER_RESET, "failures were a config error", "carol"));

        assertThat(risk.controls().circuitBreakerPhase()).isEqualTo(BreakerPhase.CLOSED);
        assertThat(risk.approved(aSignal().build()).approvedQuantity()).isPositive();
        assertThat(risk.controls().auditTrail()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("CIRCUIT_BREAKER_RESET");
            assertThat(entry.actor()).isEqualTo("carol");
            assertThat(entry.reason()).isEqualTo("failures were a config error");
        });
    }

    @Test
    void theSameCommandIdInANewEventIsCarriedOutOnce() {
        executor.dispatch(command("cmd-1", Kind.EMERGENCY_STOP, "halt", "alice"));
        executor.dispatch(command("cmd-2", Kind.EMERGENCY_RESET, "resume", "alice"));

        HandlerOutcome retried = executor.dispatch(command("cmd-1", Kind.EMERGENCY_STOP, "halt", "alice"));

        assertThat(retried.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(retried.published()).isEmpty();
        assertThat(risk.controls().emergencyStop()).isEmpty();
        assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action)
                .containsExactly("ESS_LATCHED", "ESS_RESET");
    }

    @Test
    void aRedeliveredEventIsADuplicateAndChangesNothing() {
        BusEvent reset = command("cmd-9", Kind.EMERGENCY_RESET, "checking", "dave");

        executor.dispatch(reset);
        HandlerOutcome again = executor.dispatch(reset);

        assertThat(again.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(risk.controls().auditTrail()).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("checking (was not latched)"));
    }

    @Test
    void aBlankReasonIsRefusedAndChangesNothing() {
        risk.drawdown("0.25");

        HandlerOutcome outcome = executor.dispatch(command("cmd-4", Kind.EMERGENCY_RESET, "   ", "mallory"));

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(risk.controls().emergencyStop()).isPresent();
        assertThat(risk.controls().auditTrail()).extracting(AuditEntry::action).containsExactly("ESS_LATCHED");
    }
}
