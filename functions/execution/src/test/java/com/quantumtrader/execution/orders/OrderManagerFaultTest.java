package com.quantumtrader.execution.orders;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangeUnavailableException;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.orders.FlakyExchange.When;
import com.quantumtrader.execution.slippage.SlippageMonitor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order manager when the exchange misbehaves or our process dies mid-order: transient failures are retried
 * within a bound, rejections are not, an unknown outcome is settled by asking the exchange, and a restart never
 * doubles an order or publishes a fill twice.
 */
class OrderManagerFaultTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private final KeyValueStore store = new InMemoryKeyValueStore();
    private final SimulatedClock clock = new SimulatedClock(START);
    private final SimulatedExchange venue = new SimulatedExchange(SimulatedExchangeSettings.defaults(), store);
    private final FlakyExchange flaky = new FlakyExchange(venue);
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void marketIsOpen() {
        venue.openBar(bar(0, "61200.0"));
    }

    @Test
    void aCrashBetweenSubmitAndAcknowledgementIsReconciledWithoutADuplicateAndTheFillIsPublishedOnce() {
        flaky.failNextPlace(When.AFTER_ACCEPTING, new IllegalStateException("process killed"));
        OrderManager before = manager(flaky);
        assertThatThrownBy(() -> before.execute(approval(), "TRACE-1")).hasMessage("process killed");
        assertThat(state("E-SIG-1")).isEqualTo("NEW");

        OrderManager restarted = manager(venue);
        List<Emit> onRestart = restarted.execute(approval(), "TRACE-1");

        assertThat(payloads(onRestart, EventCatalog.EXECUTION_ORDER_SUBMITTED)).extracting(OrderSubmitted::clientOrderId)
                .containsExactly("E-SIG-1");
        assertThat(venue.openOrderIds()).containsExactly("E-SIG-1");

        List<Emit> fills = restarted.onExecutionReports(venue.openBar(bar(1, "61234.5")));
        assertThat(payloads(fills, EventCatalog.EXECUTION_ORDER_FILLED)).extracting(OrderFilled::clientOrderId)
                .containsExactly("E-SIG-1");

        List<Emit> againAfterAnotherRestart = manager(venue).reconcile();
        assertThat(payloads(againAfterAnotherRestart, EventCatalog.EXECUTION_ORDER_FILLED)).isEmpty();
        assertThat(venue.positionQuantity("BTCUSDT")).isEqualByComparingTo("0.010");
    }

    @Test
    void aFillMadeWhileWeWereDownIsPublishedOnceByReconciliation() {
        flaky.failNextPlace(When.AFTER_ACCEPTING, new IllegalStateException("process killed"));
        assertThatThrownBy(() -> manager(flaky).execute(approval(), "TRACE-1"));
        venue.openBar(bar(1, "61234.5")); // the exchange fills the order while no process listens

        List<Emit> onRestart = manager(venue).reconcile();

        assertThat(payloads(onRestart, EventCatalog.EXECUTION_ORDER_SUBMITTED)).extracting(OrderSubmitted::clientOrderId)
                .containsExactly("E-SIG-1", "SL-SIG-1", "TP-SIG-1");
        List<OrderFilled> fills = payloads(onRestart, EventCatalog.EXECUTION_ORDER_FILLED);
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.clientOrderId()).isEqualTo("E-SIG-1");
            assertThat(fill.quantity()).isEqualByComparingTo("0.010");
            assertThat(fill.fee()).isPositive();
        });
        assertThat(venue.openOrderIds()).containsExactly("SL-SIG-1", "TP-SIG-1");
        assertThat(payloads(manager(venue).reconcile(), EventCatalog.EXECUTION_ORDER_FILLED)).isEmpty();
    }

    @Test
    void aTimeoutIsNeverARejectionTheOrderStaysInFlightUntilReconciliationSettlesIt() {
        flaky.unreachableForQueries = false;
        flaky.failNextPlace(When.AFTER_ACCEPTING, FlakyExchange.timeout());
        OrderManager manager = manager(flaky);
        manager.reconcile();
        flaky.unreachableForQueries = true; // the answer is lost and the exchange stays unreachable

        List<Emit> emits = manager.execute(approval(), "TRACE-1");

        assertThat(emits).isEmpty();
        assertThat(state("E-SIG-1")).isEqualTo("UNKNOWN");

        flaky.unreachableForQueries = false;
        List<Emit> settled = manager.execute(approval(), "TRACE-1");
        assertThat(payloads(settled, EventCatalog.EXECUTION_ORDER_SUBMITTED)).hasSize(1);
        assertThat(payloads(settled, EventCatalog.EXECUTION_ORDER_FAILED)).isEmpty();
        assertThat(state("E-SIG-1")).isEqualTo("SUBMITTED");
        assertThat(flaky.placeCalls).isEqualTo(1);
    }

    @Test
    void aTimedOutOrderThatLandedIsFoundByItsClientIdAndNotSentAgain() {
        flaky.failNextPlace(When.AFTER_ACCEPTING, FlakyExchange.timeout());

        List<Emit> emits = manager(flaky).execute(approval(), "TRACE-1");

        assertThat(payloads(emits, EventCatalog.EXECUTION_ORDER_SUBMITTED)).hasSize(1);
        assertThat(flaky.placeCalls).isEqualTo(1);
        assertThat(venue.openOrderIds()).containsExactly("E-SIG-1");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffWithinTheBoundThenTheOrderFails() {
        for (int i = 0; i < 3; i++) {
            flaky.failNextPlace(When.BEFORE_REACHING, FlakyExchange.serverError());
        }

        List<Emit> emits = manager(flaky).execute(approval(), "TRACE-1");

        assertThat(payloads(emits, EventCatalog.EXECUTION_ORDER_FAILED)).singleElement().satisfies(failed -> {
            assertThat(failed.errorCode()).isEqualTo("EXCHANGE_UNAVAILABLE");
            assertThat(failed.errorMessage()).contains("503");
        });
        assertThat(flaky.placeCalls).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(venue.openOrderIds()).isEmpty();
        assertThat(state("E-SIG-1")).isEqualTo("REJECTED");
    }

    @Test
    void aRateLimitWaitsAsLongAsTheExchangeAsksAndRecovers() {
        flaky.failNextPlace(When.BEFORE_REACHING, new ExchangeUnavailableException("rate limited (HTTP 429)", false,
                START.plusSeconds(3), null));

        List<Emit> emits = manager(flaky).execute(approval(), "TRACE-1");

        assertThat(payloads(emits, EventCatalog.EXECUTION_ORDER_SUBMITTED)).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(flaky.placeCalls).isEqualTo(2);
    }

    @Test
    void aBusinessRejectionIsNotRetried() {
        SignalApproved tooSmall = new SignalApproved("SIG-1", "BTCUSDT", Side.LONG, new BigDecimal("0.0004"),
                new BigDecimal("61200.0"), new BigDecimal("60000.0"), new BigDecimal("63000.0"), "ma_crossover", "m1");

        List<Emit> emits = manager(flaky).execute(tooSmall, "TRACE-1");

        assertThat(payloads(emits, EventCatalog.EXECUTION_ORDER_FAILED)).extracting(OrderFailed::errorCode)
                .containsExactly("LOT_SIZE");
        assertThat(flaky.placeCalls).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void noWorkIsTakenWhileStartupReconciliationCannotReachTheExchange() {
        flaky.unreachableForQueries = true;
        OrderManager manager = manager(flaky);

        assertThatThrownBy(() -> manager.execute(approval(), "TRACE-1"))
                .isInstanceOf(ExchangeUnavailableException.class);
        assertThat(flaky.placeCalls).isZero();

        flaky.unreachableForQueries = false;
        assertThat(payloads(manager.execute(approval(), "TRACE-1"), EventCatalog.EXECUTION_ORDER_SUBMITTED)).hasSize(1);
    }

    @Test
    void anOrderThatNeverReachedTheExchangeFailsOnReconciliationSoItsReservationIsFreed() {
        flaky.failNextPlace(When.BEFORE_REACHING, new IllegalStateException("process killed"));
        assertThatThrownBy(() -> manager(flaky).execute(approval(), "TRACE-1"));

        List<Emit> onRestart = manager(venue).reconcile();

        assertThat(payloads(onRestart, EventCatalog.EXECUTION_ORDER_FAILED)).extracting(OrderFailed::errorCode)
                .containsExactly("NOT_PLACED");
        assertThat(venue.openOrderIds()).isEmpty();
    }

    private OrderManager manager(ExchangePort exchange) {
        return new OrderManager(exchange, store, clock, new SlippageMonitor(store, SlippageMonitor.DEFAULT_WINDOW,
                SlippageMonitor.DEFAULT_THRESHOLD_BPS),
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), waits::add));
    }

    private String state(String clientOrderId) {
        return store.get("order:" + clientOrderId).map(json -> EventJson.readTree(json).path("state").asText())
                .orElse("NONE");
    }

    private static SignalApproved approval() {
        return new SignalApproved("SIG-1", "BTCUSDT", Side.LONG, new BigDecimal("0.010"), new BigDecimal("61200.0"),
                new BigDecimal("60000.0"), new BigDecimal("63000.0"), "ma_crossover", "ma-crossover-v1");
    }

    private static MarketPriceUpdate bar(int hour, String open) {
        Instant openTime = START.plus(Duration.ofHours(hour));
        BigDecimal price = new BigDecimal(open);
        return PriceBars.bar("BTCUSDT", "1h", openTime, openTime.plus(Duration.ofHours(1)), price,
                price.add(new BigDecimal("100")), price.subtract(new BigDecimal("100")), price, new BigDecimal("12.5"));
    }

    private static <T extends Record> List<T> payloads(List<Emit> emits, com.quantumtrader.events.EventType<T> type) {
        return emits.stream().filter(e -> e.type().equals(type)).map(e -> type.payloadType().cast(e.payload())).toList();
    }
}
