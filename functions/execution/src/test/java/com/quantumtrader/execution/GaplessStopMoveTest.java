package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FAILED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_SUBMITTED;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.PlaceResult;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code portfolio.sl.adjusted} moves the stop new-first: after every call the order manager makes to the exchange,
 * the simulated exchange's resting orders still hold a stop for the open position.
 */
class GaplessStopMoveTest {

    private final List<Step> steps = new ArrayList<>();
    private Predicate<OrderRequest> refused = request -> false;
    private final ExecutionHarness execution = new ExecutionHarness(SimulatedExchangeSettings.defaults(),
            new InMemoryKeyValueStore(), new SimulatedClock(Bars.START), PolicyDefaults::load, Recording::new);

    @Test
    void placesTheNewStopBeforeCancellingTheOldSoThePositionIsNeverWithoutOne() {
        givenAnOpenLong();
        steps.clear();

        List<Emit> emits = execution.moveStop("SIG-1", "BTCUSDT", "60000.0", "61234.5");

        assertThat(steps).extracting(Step::call).containsExactly("place SL2-SIG-1", "cancel SL-SIG-1");
        assertThat(steps.get(0).restingStops()).containsExactly("SL-SIG-1", "SL2-SIG-1");
        assertThat(steps.get(1).restingStops()).containsExactly("SL2-SIG-1");
        assertThat(steps).allSatisfy(step -> assertThat(step.restingStops()).as(step.call()).isNotEmpty());
        assertThat(payloads(emits, EXECUTION_ORDER_SUBMITTED)).singleElement()
                .satisfies(stop -> assertThat(stop.price()).isEqualByComparingTo("61234.5"));
        assertThat(execution.orderState("SL-SIG-1")).isEqualTo("CANCELED");
    }

    @Test
    void aRefusedReplacementLeavesTheOldStopGuardingThePositionAndTheNextMoveStillWorks() {
        givenAnOpenLong();
        refused = request -> request.clientOrderId().equals("SL2-SIG-1");
        steps.clear();

        List<Emit> emits = execution.moveStop("SIG-1", "BTCUSDT", "60000.0", "61234.5");

        assertThat(steps).extracting(Step::call).containsExactly("place SL2-SIG-1");
        assertThat(steps.get(0).restingStops()).containsExactly("SL-SIG-1");
        assertThat(payloads(emits, EXECUTION_ORDER_FAILED)).singleElement()
                .satisfies(failed -> assertThat(failed.errorCode()).isEqualTo("-2021"));
        assertThat(execution.orderState("SL-SIG-1")).isEqualTo("SUBMITTED");

        steps.clear();
        List<Emit> moved = execution.moveStop("SIG-1", "BTCUSDT", "60000.0", "61100.0");
        assertThat(steps).extracting(Step::call).containsExactly("place SL3-SIG-1", "cancel SL-SIG-1");
        assertThat(payloads(moved, EXECUTION_ORDER_SUBMITTED)).singleElement()
                .satisfies(stop -> assertThat(stop.clientOrderId()).isEqualTo("SL3-SIG-1"));
    }

    @Test
    void theRefusedMoveStillLetsTheOldStopCloseThePosition() {
        givenAnOpenLong();
        refused = request -> request.clientOrderId().startsWith("SL2-");
        execution.moveStop("SIG-1", "BTCUSDT", "60000.0", "61234.5");

        execution.bar(bar("BTCUSDT").hour(2).ohlc("60500.0", "60500.0", "59900.0", "59950.0").build());

        assertThat(execution.exchange().positions()).isEmpty();
        assertThat(execution.orderState("SL-SIG-1")).isEqualTo("FILLED");
    }

    private void givenAnOpenLong() {
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        execution.approve(approval().build(), "TRACE-SIG-1");
        execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());
        assertThat(execution.exchange().positions()).containsExactly(
                new ExchangePosition("BTCUSDT", new BigDecimal("0.010")));
    }

    /** One call of the order manager to the exchange and the stops resting on the exchange right after it. */
    record Step(String call, List<String> restingStops) {
    }

    /** The simulated exchange as the order manager sees it, noting each place and cancel; it may refuse a place. */
    private final class Recording implements ExchangePort {

        private final SimulatedExchange venue;

        Recording(ExchangePort venue) {
            this.venue = (SimulatedExchange) venue;
        }

        @Override
        public PlaceResult place(OrderRequest request) {
            PlaceResult result = refused.test(request)
                    ? PlaceResult.rejected("-2021", "Order would immediately trigger.")
                    : venue.place(request);
            steps.add(new Step("place " + request.clientOrderId(), stops()));
            return result;
        }

        @Override
        public boolean cancel(String symbol, String clientOrderId) {
            boolean cancelled = venue.cancel(symbol, clientOrderId);
            steps.add(new Step("cancel " + clientOrderId, stops()));
            return cancelled;
        }

        private List<String> stops() {
            return venue.openOrders("BTCUSDT").stream().filter(order -> order.type() == OrderType.STOP_MARKET)
                    .map(OrderRequest::clientOrderId).toList();
        }

        @Override
        public Optional<SymbolRules> rules(String symbol) {
            return venue.rules(symbol);
        }

        @Override
        public Optional<BigDecimal> lastPrice(String symbol) {
            return venue.lastPrice(symbol);
        }

        @Override
        public Optional<OrderStatusReport> queryOrder(String symbol, String clientOrderId) {
            return venue.queryOrder(symbol, clientOrderId);
        }

        @Override
        public List<String> openOrderIds() {
            return venue.openOrderIds();
        }

        @Override
        public List<ExchangePosition> positions() {
            return venue.positions();
        }

        @Override
        public List<ExecutionReport> closePosition(String symbol, String clientOrderId) {
            return venue.closePosition(symbol, clientOrderId);
        }
    }
}
