package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every risk handler behind the real HandlerRuntime: schema-valid output in the incoming trace, and an event
 * delivered twice ends in the same state as once.
 */
class RiskRuntimeTest {

    private final RiskFixture risk = new RiskFixture();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final List<BusEvent> published = new ArrayList<>();

    private HandlerRuntime runtime(String handler) {
        return new HandlerRuntime(risk.handlers.get(handler), idempotency, risk.events, published::add);
    }

    @Test
    void publishesASchemaValidApprovalInTheSignalsTrace() {
        BusEvent signal = risk.event(EventCatalog.AI_SIGNAL_GENERATED, aSignal().build());

        HandlerOutcome outcome = runtime(RiskSafetyDomain.GLOBAL_RISK_CONTROLLER).dispatch(signal);

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("risk.signal.approved");
            assertThat(event.source()).isEqualTo("quantum.risk_safety");
            assertThat(event.traceId()).isEqualTo(signal.traceId());
        });
    }

    @Test
    void aRejectionIsSchemaValidToo() {
        HandlerOutcome outcome = runtime(RiskSafetyDomain.GLOBAL_RISK_CONTROLLER)
                .dispatch(risk.event(EventCatalog.AI_SIGNAL_GENERATED, aSignal().stop("31000").build()));

        assertThat(outcome.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(published).extracting(BusEvent::name).containsExactly("risk.signal.rejected");
    }

    @Test
    void aSignalDeliveredTwiceIsApprovedAndReservedOnce() {
        BusEvent signal = risk.event(EventCatalog.AI_SIGNAL_GENERATED, aSignal().build());
        HandlerRuntime controller = runtime(RiskSafetyDomain.GLOBAL_RISK_CONTROLLER);

        controller.dispatch(signal);
        HandlerOutcome second = controller.dispatch(signal);

        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(published).extracting(BusEvent::name).containsExactly("risk.signal.approved");
        assertThat(risk.rejected(aSignal().build()).reasonCode()).isEqualTo("POSITION_ALREADY_OPEN");
    }

    @Test
    void aCloseDeliveredTwiceBooksItsPnlOnce() {
        SignalApproved approved = risk.approved(aSignal().stop("27000").target("36000").build());
        BusEvent closed = risk.event(EventCatalog.PORTFOLIO_POSITION_CLOSED, new PositionClosed("pos-1", "BTCUSDT",
                approved.side(), approved.approvedQuantity(), new BigDecimal("30000"), new BigDecimal("27000"),
                new BigDecimal("-250"), new BigDecimal("1.5"), "TAKE_PROFIT", approved.signalId()));
        HandlerRuntime release = runtime(RiskSafetyDomain.EXPOSURE_RELEASE);

        release.dispatch(closed);
        release.dispatch(closed);

        // equity 9750 (not 9500): 0.01 * 9750 / 3000 = 0.0325 -> 0.032 (twice would give 0.031)
        assertThat(risk.approved(aSignal().stop("27000").target("36000").build()).approvedQuantity())
                .isEqualByComparingTo("0.032");
    }

    @Test
    void aFailureDeliveredTwiceCountsOnceTowardsTheBreaker() {
        HandlerRuntime monitor = runtime(RiskSafetyDomain.ORDER_FAILURE_MONITOR);
        BusEvent first = failure("a");

        monitor.dispatch(first);
        monitor.dispatch(first);
        monitor.dispatch(first);
        monitor.dispatch(failure("b"));

        assertThat(published).isEmpty();
        monitor.dispatch(failure("c"));
        assertThat(published).extracting(BusEvent::name).containsExactly("risk.circuit_breaker.activated");
    }

    @Test
    void theEmergencyEventsAreSchemaValidAndADuplicateTriggerPublishesNothing() {
        BusEvent drawdown = risk.event(EventCatalog.PORTFOLIO_DRAWDOWN_HIGH, new DrawdownHigh(
                new BigDecimal("0.21"), new BigDecimal("0.20"), new BigDecimal("7900"), new BigDecimal("10000")));
        HandlerRuntime guard = runtime(RiskSafetyDomain.DRAWDOWN_GUARD);

        assertThat(guard.dispatch(drawdown).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(guard.dispatch(drawdown).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        assertThat(published).extracting(BusEvent::name)
                .containsExactly("safety.emergency.triggered", "safety.emergency.stop");
        assertThat(published).extracting(BusEvent::traceId).containsOnly(drawdown.traceId());
    }

    private BusEvent failure(String signalId) {
        return risk.event(EventCatalog.EXECUTION_ORDER_FAILED, new OrderFailed(signalId, "cid-" + signalId,
                "BTCUSDT", OrderSide.BUY, OrderPurpose.ENTRY, new BigDecimal("0.001"), "-4164",
                "Order's notional must be no smaller than 100"));
    }
}
