package com.quantumtrader.execution;

import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Execution's handlers behind the real HandlerRuntime: what they publish satisfies the event schemas. */
class HandlerContractTest {

    private final ExecutionHarness execution = new ExecutionHarness();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final List<BusEvent> published = new ArrayList<>();

    private HandlerRuntime runtime(String handler) {
        return new HandlerRuntime(execution.handlers.get(handler), idempotency, execution.events, published::add);
    }

    private List<BusEvent> publish(List<Emit> emits) {
        List<BusEvent> events = emits.stream().map(e -> execution.events.create(e, "TRACE-BAR")).toList();
        events.forEach(EventValidator::validate);
        published.addAll(events);
        return events;
    }

    @Test
    void registersTheRoutingTablesThreeExecutionHandlers() {
        assertThat(execution.handlers).containsOnlyKeys("signal_executor", "emergency_flattener", "protective_stop_mover");
        assertThat(execution.handlers.values()).allSatisfy(h -> assertThat(h.domain().id()).isEqualTo("execution"));
    }

    @Test
    void everyEventOfAFullLifecycleSatisfiesItsSchema() {
        publish(execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build()));
        publish(execution.bar(bar("ETHUSDT").hour(0).ohlc("3000.00", "3010.00", "2990.00", "3005.00").build()));
        BusEvent approval = execution.events.create(EventCatalog.RISK_SIGNAL_APPROVED, approval().build(), "TRACE-1");
        BusEvent tooSmall = execution.events.create(EventCatalog.RISK_SIGNAL_APPROVED, approval().signal("SIG-2")
                .symbol("ETHUSDT").quantity("0.001").reference("3005.00").stop("2950.00").target("3100.00").build(), "TRACE-2");
        BusEvent shortEth = execution.events.create(EventCatalog.RISK_SIGNAL_APPROVED, approval().signal("SIG-3")
                .symbol("ETHUSDT").side(Side.SHORT).quantity("0.100").reference("3005.00").stop("3100.00")
                .target("2900.00").build(), "TRACE-3");

        HandlerOutcome approved = runtime("signal_executor").dispatch(approval);
        HandlerOutcome failed = runtime("signal_executor").dispatch(tooSmall);
        runtime("signal_executor").dispatch(shortEth);
        publish(execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build()));
        HandlerOutcome moved = runtime("protective_stop_mover").dispatch(execution.events.create(
                EventCatalog.PORTFOLIO_SL_ADJUSTED, new StopLossAdjusted("POS-1",
                        "BTCUSDT", "SIG-1", new BigDecimal("60000.0"), new BigDecimal("61234.5"),
                        "BREAK_EVEN"), "TRACE-MOVE"));
        HandlerOutcome flattened = runtime("emergency_flattener").dispatch(execution.events.create(
                EventCatalog.SAFETY_EMERGENCY_STOP, new EmergencyStop("test", "operator"),
                "TRACE-ESS"));

        assertThat(Stream.of(approved, failed, moved, flattened)).extracting(HandlerOutcome::status)
                .containsOnly(HandlerOutcome.Status.HANDLED);
        assertThat(published).extracting(BusEvent::name).contains("execution.order.submitted", "execution.order.failed",
                "execution.order.filled", "market.price.update");
        assertThatCode(() -> published.forEach(EventValidator::validate)).doesNotThrowAnyException();
        assertThat(published).filteredOn(e -> e.name().equals("execution.order.filled"))
                .extracting(BusEvent::traceId).contains("TRACE-1");
    }

    @Test
    void theSameApprovalDeliveredTwiceIsHandledOnce() {
        publish(execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build()));
        BusEvent approval = execution.events.create(EventCatalog.RISK_SIGNAL_APPROVED, approval().build(), "TRACE-1");

        HandlerOutcome first = runtime("signal_executor").dispatch(approval);
        HandlerOutcome second = runtime("signal_executor").dispatch(approval);

        assertThat(first.published()).hasSize(1);
        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(execution.exchange().openOrderIds()).containsExactly("E-SIG-1");
    }

    @Test
    void anApprovalMissingItsQuantityIsRejectedAsMalformedNotRetried() {
        SignalApproved broken = new SignalApproved("SIG-9", "BTCUSDT", Side.LONG, null,
                new BigDecimal("61200.0"), new BigDecimal("60000.0"),
                new BigDecimal("63000.0"), "ma_crossover", "m");

        assertThatThrownBy(() -> execution.handle("signal_executor", new InboundEvent(
                execution.events.create(EventCatalog.RISK_SIGNAL_APPROVED, broken, "TRACE-9"))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("approved_quantity");
        assertThat(execution.exchange().openOrderIds()).isEmpty();
    }
}
