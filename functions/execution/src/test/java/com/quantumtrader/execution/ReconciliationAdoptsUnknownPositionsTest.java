package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FILLED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_SUBMITTED;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.events.EventValidator;
import java.util.SplittableRandom;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation on start turns a position the exchange holds and execution does not know into a position
 * everyone knows and the exchange protects: its fill is published (portfolio opens it, risk counts it) and a stop
 * and a take-profit rest on the exchange. Not a log line.
 */
class ReconciliationAdoptsUnknownPositionsTest {

    private final KeyValueStore store = new InMemoryKeyValueStore();
    private final SimulatedClock clock = new SimulatedClock(Bars.START);
    private final SimulatedExchange venue = new SimulatedExchange(SimulatedExchangeSettings.defaults(), store, clock);

    private List<Emit> startExecution() {
        ExecutionDomain domain = ExecutionDomain.paper(SimulatedExchangeSettings.defaults());
        DomainServices services = new DomainServices(clock, store, PolicyDefaults::load);
        domain.handlers(services);
        return domain.recover(services);
    }

    /** A position opened on the exchange behind execution's back (by hand, or its records lost). */
    private void positionOpenedOnTheExchange(String symbol, OrderSide side, String quantity, String close) {
        clock.advanceTo(Bars.START.plusSeconds(3600));
        venue.openBar(bar(symbol).hour(0).ohlc(close, close, close, close).build());
        venue.barProcessed();
        venue.place(new OrderRequest("MANUAL-1", symbol, side, OrderType.MARKET, new BigDecimal(quantity), null, false,
                null, null));
        clock.advanceTo(Bars.START.plusSeconds(7200));
        venue.openBar(bar(symbol).hour(1).ohlc(close, close, close, close).build());
        venue.barProcessed();
    }

    @Test
    void anUnknownShortIsAdoptedPublishedAndProtectedAboveAndBelowThePrice() {
        positionOpenedOnTheExchange("ETHUSDT", OrderSide.SELL, "0.825", "3000.00");

        List<Emit> emits = startExecution();

        OrderFilled fill = payloads(emits, EXECUTION_ORDER_FILLED).get(0);
        assertThat(fill.purpose()).isEqualTo(OrderPurpose.ENTRY);
        assertThat(fill.side()).isEqualTo(OrderSide.SELL);
        assertThat(fill.signalId()).startsWith("RECOVERED-ETHUSDT-");
        assertThat(fill.quantity()).isEqualByComparingTo("0.825");
        assertThat(fill.complete()).isTrue();
        assertThat(fill.stopPrice()).isEqualByComparingTo("3060.00");
        assertThat(fill.targetPrice()).isEqualByComparingTo("2880.00");
        assertThat(fill.strategyId()).isEqualTo("reconciliation");
        EventFactory events = new EventFactory(clock, new EventIds(clock, new SplittableRandom(1)));
        emits.forEach(emit -> EventValidator.validate(events.create(emit, "TRACE-RECOVERY")));
        assertThat(payloads(emits, EXECUTION_ORDER_SUBMITTED)).extracting(OrderSubmitted::purpose)
                .containsExactly(OrderPurpose.STOP_LOSS, OrderPurpose.TAKE_PROFIT);
        assertThat(venue.openOrders("ETHUSDT")).extracting(OrderRequest::type, OrderRequest::side,
                        OrderRequest::reduceOnly, r -> r.triggerPrice().toPlainString(), r -> r.quantity().toPlainString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(OrderType.STOP_MARKET, OrderSide.BUY, true, "3060.00", "0.825"),
                        org.assertj.core.groups.Tuple.tuple(OrderType.TAKE_PROFIT_MARKET, OrderSide.BUY, true, "2880.00",
                                "0.825"));
    }

    @Test
    void anAdoptedPositionIsAdoptedOnceAcrossRestarts() {
        positionOpenedOnTheExchange("BTCUSDT", OrderSide.BUY, "0.010", "61200.0");
        startExecution();

        List<Emit> again = startExecution();

        assertThat(again).isEmpty();
        assertThat(venue.openOrderIds()).hasSize(2);
    }

    @Test
    void theAdoptedPositionsStopWorksLikeAnyOther() {
        positionOpenedOnTheExchange("BTCUSDT", OrderSide.BUY, "0.010", "61200.0");
        startExecution();
        ExecutionHarness running = new ExecutionHarness(SimulatedExchangeSettings.defaults(), store, clock);

        List<Emit> emits = running.bar(bar("BTCUSDT").hour(2).ohlc("61200.0", "61300.0", "59000.0", "59100.0").build());

        assertThat(payloads(emits, EXECUTION_ORDER_FILLED)).extracting(OrderFilled::purpose)
                .containsExactly(OrderPurpose.STOP_LOSS);
        assertThat(venue.positions()).isEmpty();
        assertThat(venue.openOrderIds()).isEmpty();
    }

    @Test
    void aKnownProtectedPositionIsLeftAsItIs() {
        ExecutionHarness before = new ExecutionHarness(SimulatedExchangeSettings.defaults(), store, clock);
        before.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        before.approve(approval().build(), "TRACE-SIG-1");
        before.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());

        List<Emit> emits = startExecution();

        assertThat(emits).isEmpty();
        assertThat(venue.openOrderIds()).containsExactly("SL-SIG-1", "TP-SIG-1");
    }
}
