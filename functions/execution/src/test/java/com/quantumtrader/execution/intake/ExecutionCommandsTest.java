package com.quantumtrader.execution.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionCommandsTest {

    private final IntakeFixture fixture = new IntakeFixture();

    @Test
    void anApprovedSignalGoesToTheSignalExecutor() {
        HandlerOutcome outcome = fixture.commands.accept(fixture.approval("SIG-1"));

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(outcome.published()).extracting(BusEvent::name).containsExactly("execution.order.submitted");
        assertThat(fixture.publishedNames()).containsExactly("execution.order.submitted");
    }

    @Test
    void aRedeliveredSignalIsADuplicateAndPlacesNothingMore() {
        BusEvent approval = fixture.approval("SIG-2");
        fixture.commands.accept(approval);

        HandlerOutcome again = fixture.commands.accept(approval);

        assertThat(again.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(fixture.publishedNames()).containsExactly("execution.order.submitted");
    }

    @Test
    void anEmergencyStopGoesToTheFlattener() {
        HandlerOutcome outcome = fixture.commands.accept(fixture.emergencyStop());

        assertThat(outcome.acknowledged()).isTrue();
        assertThat(fixture.commands.runtimes()).filteredOn(r -> r.name().equals("emergency_flattener"))
                .singleElement().satisfies(r -> assertThat(r.metrics().toString()).isNotBlank());
    }

    @Test
    void anEventNoExecutionHandlerSubscribesToIsRejected() {
        HandlerOutcome outcome = fixture.commands.accept(fixture.priceUpdate());

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(outcome.reason()).contains("no execution handler subscribes to market.price.update");
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void theRoutesAreTheRoutingTablesExecutionRoutes() {
        assertThat(fixture.commands.routes()).extracting(r -> r.handler())
                .containsExactly("signal_executor", "emergency_flattener", "protective_stop_mover");
    }

    @Test
    void aHandlerOfAnotherDomainOrWithoutARouteIsRefused() {
        EventFactory events = fixture.events;
        assertThatIllegalArgumentException().isThrownBy(() -> new ExecutionCommands(
                List.of(new HandlerDefinition("position_monitor", Domain.PORTFOLIO, e -> List.of())),
                new InMemoryIdempotencyStore(), events, e -> { }))
                .withMessageContaining("not an execution handler");
        assertThatIllegalArgumentException().isThrownBy(() -> new ExecutionCommands(
                List.of(new HandlerDefinition("no_such_handler", Domain.EXECUTION, e -> List.of())),
                new InMemoryIdempotencyStore(), events, e -> { }))
                .withMessageContaining("not in the routing table");
    }
}
