package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every order type on the simulated exchange, against hand-computed prices and fees. The venue quotes a 2 bps
 * spread and no range impact, so around 60000.0 the ask is 60006.0 and the bid 59994.0 and a taker pays exactly
 * 1 bps; taker fee 4 bps, maker fee 2 bps.
 */
class LimitOrdersTest {

    private static final SimulatedExchangeSettings SETTINGS = SimulatedExchangeSettings.defaults()
            .withSlippage(new BigDecimal("2"), BigDecimal.ZERO);

    private final SimulatedExchange venue = new SimulatedExchange(SETTINGS, new InMemoryKeyValueStore());

    /** bar 1 arrives flat at 60000.0 but ranges 59700.0 .. 60300.0; bar 2 ranges the same. */
    private static final MarketPriceUpdate BAR_1 = VenueBars.at(1).ohlc("60000.0", "60300.0", "59700.0", "60000.0").build();
    private static final MarketPriceUpdate BAR_2 = VenueBars.at(2).ohlc("60000.0", "60300.0", "59700.0", "60000.0").build();

    static Stream<Arguments> orderTypes() {
        return Stream.of(
                row("a market buy takes at the next open plus half the spread", market(BUY), 1, "60006.0", "0.24002400"),
                row("a market sell takes at the next open less half the spread", market(SELL), 1, "59994.0", "0.23997600"),
                row("a GTC buy through the ask takes at once, at the ask, not at its limit",
                        limit(BUY, "60010.0", TimeInForce.GTC), 1, "60006.0", "0.24002400"),
                row("a GTC buy below the ask rests and is hit at its own price when a later bar trades through it",
                        limit(BUY, "59800.0", TimeInForce.GTC), 2, "59800.0", "0.11960000"),
                row("a GTC sell above the bid rests and is lifted at its own price, maker fee",
                        limit(SELL, "60200.0", TimeInForce.GTC), 2, "60200.0", "0.12040000"),
                row("an IOC buy through the ask takes at the ask", limit(BUY, "60010.0", TimeInForce.IOC), 1,
                        "60006.0", "0.24002400"),
                row("a post-only buy below the ask rests and fills as maker", limit(BUY, "59990.0", TimeInForce.GTX), 2,
                        "59990.0", "0.11998000"),
                row("a buy stop triggers on the high and pays the taker's slippage from its trigger",
                        trigger(BUY, OrderType.STOP_MARKET, "60200.0"), 1, "60206.1", "0.24082440"),
                row("a sell take-profit triggers on the high and fills below its trigger",
                        trigger(SELL, OrderType.TAKE_PROFIT_MARKET, "60200.0"), 1, "60193.9", "0.24077560"),
                row("a buy take-profit triggers on the low", trigger(BUY, OrderType.TAKE_PROFIT_MARKET, "59800.0"), 1,
                        "59806.0", "0.23922400"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderTypes")
    void fillsEachOrderTypeAtItsPriceWithItsFee(String name, OrderRequest request, int fillBar, String price,
                                                String fee) {
        givenLastPrice();

        assertThat(venue.place(request).accepted()).isTrue();
        List<ExecutionReport> onBar1 = process(BAR_1);
        List<ExecutionReport> onBar2 = process(BAR_2);

        List<ExecutionReport> fills = fillBar == 1 ? onBar1 : onBar2;
        assertThat(fillBar == 1 ? onBar2 : onBar1).as("nothing on the other bar").isEmpty();
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.status()).isEqualTo(ExecutionReport.Status.FILLED);
            assertThat(fill.lastQuantity()).isEqualByComparingTo("0.010");
            assertThat(fill.lastPrice()).isEqualByComparingTo(price);
            assertThat(fill.fee()).isEqualTo(new BigDecimal(fee));
        });
        BigDecimal signed = request.side() == BUY ? new BigDecimal("0.010") : new BigDecimal("-0.010");
        assertThat(venue.positions()).containsExactly(new ExchangePosition("BTCUSDT", signed));
        assertThat(venue.openOrderIds()).isEmpty();
    }

    @Test
    void anIocBuyBelowTheAskExpiresWithoutAFillAndNeverRests() {
        givenLastPrice();
        venue.place(limit(BUY, "60003.0", TimeInForce.IOC));

        List<ExecutionReport> reports = process(BAR_1);

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.status()).isEqualTo(ExecutionReport.Status.EXPIRED);
            assertThat(report.traded()).isFalse();
        });
        assertThat(venue.openOrderIds()).isEmpty();
        assertThat(process(BAR_2)).as("the low of 59700.0 later never fills a dead IOC").isEmpty();
        assertThat(venue.queryOrder("BTCUSDT", "L-1")).get()
                .extracting(OrderStatusReport::status).isEqualTo(OrderStatusReport.Status.EXPIRED);
    }

    @Test
    void anIocTakesAtMostItsShareOfTheBarsVolumeAndTheRestExpires() {
        givenLastPrice();
        // volume 1 BTC, 25 % of it may be taken: 0.250 of the 0.400 wanted
        venue.place(OrderRequest.limit("L-1", "BTCUSDT", BUY, new BigDecimal("0.400"), new BigDecimal("60010.0"),
                TimeInForce.IOC, false));

        List<ExecutionReport> reports = process(BAR_1);

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).status()).isEqualTo(ExecutionReport.Status.PARTIALLY_FILLED);
        assertThat(reports.get(0).lastQuantity()).isEqualByComparingTo("0.250");
        assertThat(reports.get(0).lastPrice()).isEqualByComparingTo("60006.0");
        assertThat(reports.get(1).status()).isEqualTo(ExecutionReport.Status.EXPIRED);
        assertThat(reports.get(1).cumulativeQuantity()).isEqualByComparingTo("0.250");
        assertThat(venue.positions()).containsExactly(new ExchangePosition("BTCUSDT", new BigDecimal("0.250")));
        assertThat(venue.queryOrder("BTCUSDT", "L-1")).get().satisfies(order -> {
            assertThat(order.status()).isEqualTo(OrderStatusReport.Status.EXPIRED);
            assertThat(order.executedQuantity()).isEqualByComparingTo("0.250");
        });
        assertThat(venue.openOrderIds()).isEmpty();
    }

    @Test
    void aGtcTakesItsShareOfTheVolumeAndRestsTheRemainderAsAMakerOrder() {
        givenLastPrice();
        venue.place(OrderRequest.limit("L-1", "BTCUSDT", BUY, new BigDecimal("0.400"), new BigDecimal("60010.0"),
                TimeInForce.GTC, false));

        List<ExecutionReport> first = process(BAR_1);
        assertThat(first).singleElement().extracting(ExecutionReport::lastQuantity).isEqualTo(new BigDecimal("0.250"));
        assertThat(venue.openOrders("BTCUSDT")).singleElement()
                .extracting(OrderRequest::quantity).isEqualTo(new BigDecimal("0.150"));

        // bar 2 trades down through 60010.0: the resting 0.150 fills at its limit, maker fee 0.0002 x 9001.5
        List<ExecutionReport> second = process(BAR_2);
        assertThat(second).singleElement().satisfies(fill -> {
            assertThat(fill.status()).isEqualTo(ExecutionReport.Status.FILLED);
            assertThat(fill.lastQuantity()).isEqualByComparingTo("0.150");
            assertThat(fill.lastPrice()).isEqualByComparingTo("60010.0");
            assertThat(fill.fee()).isEqualTo(new BigDecimal("1.80030000"));
            assertThat(fill.cumulativeQuantity()).isEqualByComparingTo("0.400");
        });
    }

    @Test
    void aRestingLimitTouchedButNotTradedThroughDoesNotFill() {
        givenLastPrice();
        venue.place(limit(BUY, "59700.0", TimeInForce.GTC));
        process(BAR_1);

        assertThat(process(BAR_2)).as("the low equals the limit: the queue ahead may have taken it all").isEmpty();
        assertThat(venue.openOrderIds()).containsExactly("L-1");
    }

    @Test
    void aPostOnlyThatWouldTakeIsRejectedAndLeavesItsClientIdFree() {
        givenLastPrice();

        PlaceResult atTheAsk = venue.place(limit(BUY, "60006.0", TimeInForce.GTX));

        assertThat(atTheAsk.accepted()).isFalse();
        assertThat(atTheAsk.errorCode()).isEqualTo("POST_ONLY_REJECTED");
        assertThat(atTheAsk.errorMessage()).contains("60006.0");
        assertThat(venue.queryOrder("BTCUSDT", "L-1")).isEmpty();
        assertThat(venue.place(limit(BUY, "60005.9", TimeInForce.GTX)).accepted()).isTrue();
    }

    @Test
    void aPostOnlySellAtTheBidIsRejected() {
        givenLastPrice();

        assertThat(venue.place(limit(SELL, "59994.0", TimeInForce.GTX)).errorCode()).isEqualTo("POST_ONLY_REJECTED");
        assertThat(venue.place(OrderRequest.limit("L-2", "BTCUSDT", SELL, new BigDecimal("0.010"),
                new BigDecimal("59994.1"), TimeInForce.GTX, false)).accepted()).isTrue();
    }

    @Test
    void aPostOnlyTheMarketGappedThroughBeforeItArrivedExpiresInsteadOfTaking() {
        givenLastPrice();
        venue.place(limit(BUY, "59990.0", TimeInForce.GTX));

        // the next bar opens at 59950.0: the ask 59956.0 is below the post-only's 59990.0, so it would take
        List<ExecutionReport> reports = process(VenueBars.at(1).flat("59950.0").build());

        assertThat(reports).singleElement().extracting(ExecutionReport::status).isEqualTo(ExecutionReport.Status.EXPIRED);
        assertThat(venue.positions()).isEmpty();
        assertThat(venue.openOrderIds()).isEmpty();
    }

    @Test
    void aReduceOnlyIocNeverFlipsThePosition() {
        givenLastPrice();
        venue.place(market(BUY));
        process(BAR_1);

        venue.place(OrderRequest.limit("L-X", "BTCUSDT", SELL, new BigDecimal("0.020"), new BigDecimal("59000.0"),
                TimeInForce.IOC, true));
        List<ExecutionReport> reports = process(BAR_2);

        assertThat(reports).extracting(ExecutionReport::status)
                .containsExactly(ExecutionReport.Status.PARTIALLY_FILLED, ExecutionReport.Status.EXPIRED);
        assertThat(reports.get(0).lastQuantity()).isEqualByComparingTo("0.010");
        assertThat(venue.positions()).isEmpty();
    }

    @Test
    void refusesLimitOrdersWithoutAUsablePriceOrTimeInForce() {
        givenLastPrice();

        assertThat(venue.place(new OrderRequest("L-1", "BTCUSDT", BUY, OrderType.LIMIT, new BigDecimal("0.010"), null,
                false, null, TimeInForce.GTC)).errorCode()).isEqualTo("PRICE_FILTER");
        assertThat(venue.place(OrderRequest.limit("L-2", "BTCUSDT", BUY, new BigDecimal("0.010"),
                new BigDecimal("59990.05"), TimeInForce.GTC, false)).errorCode()).isEqualTo("PRICE_FILTER");
        assertThat(venue.place(OrderRequest.limit("L-3", "BTCUSDT", BUY, new BigDecimal("0.010"),
                new BigDecimal("-1.0"), TimeInForce.GTC, false)).errorCode()).isEqualTo("PRICE_FILTER");
        assertThat(venue.place(new OrderRequest("L-4", "BTCUSDT", BUY, OrderType.LIMIT, new BigDecimal("0.010"), null,
                false, new BigDecimal("59990.0"), null)).errorCode()).isEqualTo("TIME_IN_FORCE");
        // Binance values a limit order at its own price: 0.002 x 49000.0 = 98 USDT < 100
        assertThat(venue.place(OrderRequest.limit("L-5", "BTCUSDT", BUY, new BigDecimal("0.002"),
                new BigDecimal("49000.0"), TimeInForce.GTC, false)).errorCode()).isEqualTo("MIN_NOTIONAL");
        assertThat(venue.openOrderIds()).isEmpty();
    }

    @Test
    void aCancelledRestingLimitNeverFills() {
        givenLastPrice();
        venue.place(limit(BUY, "59800.0", TimeInForce.GTC));
        process(BAR_1);

        assertThat(venue.cancel("BTCUSDT", "L-1")).isTrue();

        assertThat(process(BAR_2)).isEmpty();
        assertThat(venue.queryOrder("BTCUSDT", "L-1")).get()
                .extracting(OrderStatusReport::status).isEqualTo(OrderStatusReport.Status.CANCELED);
    }

    private void givenLastPrice() {
        venue.openBar(VenueBars.at(0).build());
    }

    private List<ExecutionReport> process(MarketPriceUpdate bar) {
        List<ExecutionReport> reports = new ArrayList<>(venue.openBar(bar));
        for (List<ExecutionReport> more = venue.nextTriggered(bar.symbol()); !more.isEmpty();
             more = venue.nextTriggered(bar.symbol())) {
            reports.addAll(more);
        }
        venue.barProcessed();
        return reports;
    }

    private static Arguments row(String name, OrderRequest request, int fillBar, String price, String fee) {
        return Arguments.of(name, request, fillBar, price, fee);
    }

    private static OrderRequest market(OrderSide side) {
        return new OrderRequest("M-1", "BTCUSDT", side, OrderType.MARKET, new BigDecimal("0.010"), null, false);
    }

    private static OrderRequest limit(OrderSide side, String price, TimeInForce timeInForce) {
        return OrderRequest.limit("L-1", "BTCUSDT", side, new BigDecimal("0.010"), new BigDecimal(price), timeInForce,
                false);
    }

    private static OrderRequest trigger(OrderSide side, OrderType type, String price) {
        return new OrderRequest("T-1", "BTCUSDT", side, type, new BigDecimal("0.010"), new BigDecimal(price), false);
    }
}
