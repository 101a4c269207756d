package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedExchangeTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private final SimulatedExchange exchange =
            new SimulatedExchange(SimulatedExchangeSettings.defaults(), new InMemoryKeyValueStore());

    private static MarketPriceUpdate bar(int hour, String o, String h, String l, String c) {
        Instant open = START.plus(Duration.ofHours(hour));
        return PriceBars.bar("BTCUSDT", "1h", open, open.plus(Duration.ofHours(1)), new BigDecimal(o), new BigDecimal(h),
                new BigDecimal(l), new BigDecimal(c), BigDecimal.ONE);
    }

    private static OrderRequest market(String id, OrderSide side, String quantity) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, new BigDecimal(quantity), null, false);
    }

    private static OrderRequest stop(String id, OrderSide side, String quantity, String trigger) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.STOP_MARKET, new BigDecimal(quantity),
                new BigDecimal(trigger), true);
    }

    private void givenLong(String quantity) {
        exchange.openBar(bar(0, "60000.0", "60000.0", "60000.0", "60000.0"));
        exchange.place(market("E-1", OrderSide.BUY, quantity));
        exchange.openBar(bar(1, "60000.0", "60000.0", "60000.0", "60000.0"));
    }

    @Test
    void aMarketOrderWaitsForTheNextBarAndFillsAtItsOpen() {
        exchange.openBar(bar(0, "60000.0", "60100.0", "59900.0", "60050.0"));

        PlaceResult placed = exchange.place(market("E-1", OrderSide.BUY, "0.010"));
        List<ExecutionReport> fills = exchange.openBar(bar(1, "60500.0", "60500.0", "60500.0", "60500.0"));

        assertThat(placed.accepted()).isTrue();
        // zero range: only the 1 bps half spread, 6.05 above the open, on the tick: 60506.1
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.lastPrice()).isEqualByComparingTo("60506.1");
            assertThat(fill.status()).isEqualTo(ExecutionReport.Status.FILLED);
        });
        assertThat(exchange.positions()).containsExactly(new ExchangePosition("BTCUSDT", new BigDecimal("0.010")));
    }

    @Test
    void aFillAtTheOpenIsStampedAtTheOpenNotAtTheBarsClose() {
        exchange.openBar(bar(0, "60000.0", "60100.0", "59900.0", "60050.0"));
        exchange.place(market("E-1", OrderSide.BUY, "0.010"));

        List<ExecutionReport> fills = exchange.openBar(bar(1, "60500.0", "60600.0", "60400.0", "60550.0"));

        assertThat(fills).singleElement().extracting(ExecutionReport::tradeTime)
                .isEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void aStopTheBarGapsThroughIsStampedAtTheOpenOneInsideTheBarAtItsClose() {
        givenLong("0.020");
        exchange.place(stop("SL-1", OrderSide.SELL, "0.010", "59000.0"));
        exchange.place(stop("SL-2", OrderSide.SELL, "0.010", "59800.0"));
        // opens below 59800 (gap through SL-2), trades down through 59000 later in the bar (SL-1)
        exchange.openBar(bar(2, "59700.0", "59700.0", "58500.0", "58600.0"));

        List<ExecutionReport> first = exchange.nextTriggered("BTCUSDT");
        List<ExecutionReport> second = exchange.nextTriggered("BTCUSDT");

        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId()).isEqualTo("SL-1");
            assertThat(r.tradeTime()).isEqualTo(START.plus(Duration.ofHours(3)));
        });
        assertThat(second).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId()).isEqualTo("SL-2");
            assertThat(r.tradeTime()).isEqualTo(START.plus(Duration.ofHours(2)));
        });
    }

    @Test
    void aReduceOnlyOrderLargerThanThePositionClosesItAndNeverFlipsIt() {
        givenLong("0.010");
        exchange.place(stop("SL-1", OrderSide.SELL, "0.025", "59000.0"));
        exchange.openBar(bar(2, "59500.0", "59500.0", "58500.0", "58600.0"));

        List<ExecutionReport> reports = exchange.nextTriggered("BTCUSDT");

        assertThat(reports).extracting(ExecutionReport::status)
                .containsExactly(ExecutionReport.Status.PARTIALLY_FILLED, ExecutionReport.Status.EXPIRED);
        assertThat(reports.get(0).lastQuantity()).isEqualByComparingTo("0.010");
        assertThat(exchange.positions()).isEmpty();
        assertThat(exchange.positionQuantity("BTCUSDT")).isEqualByComparingTo("0");
    }

    @Test
    void aReduceOnlyOrderWithNothingToReduceExpiresUnfilled() {
        exchange.openBar(bar(0, "60000.0", "60000.0", "60000.0", "60000.0"));
        exchange.place(stop("SL-1", OrderSide.SELL, "0.010", "59000.0"));
        exchange.openBar(bar(1, "59500.0", "59500.0", "58500.0", "58600.0"));

        List<ExecutionReport> reports = exchange.nextTriggered("BTCUSDT");

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ExecutionReport.Status.EXPIRED);
            assertThat(r.traded()).isFalse();
        });
        assertThat(exchange.positions()).isEmpty();
        assertThat(exchange.openOrderIds()).isEmpty();
    }

    @Test
    void aReduceOnlyOrderOnTheSideThatWouldGrowThePositionNeverTrades() {
        givenLong("0.010");
        exchange.place(new OrderRequest("TP-X", "BTCUSDT", OrderSide.BUY, OrderType.TAKE_PROFIT_MARKET,
                new BigDecimal("0.010"), new BigDecimal("59000.0"), true));
        exchange.openBar(bar(2, "59500.0", "59500.0", "58500.0", "58600.0"));

        assertThat(exchange.nextTriggered("BTCUSDT")).extracting(ExecutionReport::status)
                .containsExactly(ExecutionReport.Status.EXPIRED);
        assertThat(exchange.positionQuantity("BTCUSDT")).isEqualByComparingTo("0.010");
    }

    @Test
    void rejectsAQuantityOffTheStepAndATriggerOffTheTick() {
        exchange.openBar(bar(0, "60000.0", "60000.0", "60000.0", "60000.0"));

        assertThat(exchange.place(market("E-1", OrderSide.BUY, "0.0105")).errorCode()).isEqualTo("LOT_SIZE");
        assertThat(exchange.place(stop("SL-1", OrderSide.SELL, "0.010", "59000.05")).errorCode()).isEqualTo("PRICE_FILTER");
        assertThat(exchange.openOrderIds()).isEmpty();
    }

    @Test
    void rejectsAnOpeningOrderBeforeItHasAPrice() {
        assertThat(exchange.place(market("E-1", OrderSide.BUY, "0.010")).errorCode()).isEqualTo("NO_MARKET_DATA");
    }

    @Test
    void exemptsReduceOnlyOrdersFromTheMinimumNotional() {
        exchange.openBar(bar(0, "60000.0", "60000.0", "60000.0", "60000.0"));

        assertThat(exchange.place(market("E-1", OrderSide.BUY, "0.001")).errorCode()).isEqualTo("MIN_NOTIONAL");
        assertThat(exchange.place(stop("SL-1", OrderSide.SELL, "0.001", "59000.0")).accepted()).isTrue();
    }

    @Test
    void closesAPositionImmediatelyAtTheLatestCloseAgainstTheTaker() {
        givenLong("0.020");

        List<ExecutionReport> reports = exchange.closePosition("BTCUSDT", "X-1");

        // zero-range bar closing at 60000.0: sell 6.0 below it = 59994.0; fee 59994.0 * 0.020 * 0.0004 = 0.4799520
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.side()).isEqualTo(OrderSide.SELL);
            assertThat(r.lastPrice()).isEqualByComparingTo("59994.0");
            assertThat(r.fee()).isEqualByComparingTo("0.479952");
        });
        assertThat(exchange.positions()).isEmpty();
        assertThat(exchange.closePosition("BTCUSDT", "X-2")).isEmpty();
    }

    @Test
    void cancelRemovesARestingOrderOnlyOnce() {
        givenLong("0.010");
        exchange.place(stop("SL-1", OrderSide.SELL, "0.010", "59000.0"));

        assertThat(exchange.cancel("BTCUSDT", "SL-1")).isTrue();
        assertThat(exchange.cancel("BTCUSDT", "SL-1")).isFalse();
    }

    @Test
    void refusesABarItHasAlreadySeen() {
        MarketPriceUpdate first = bar(0, "60000.0", "60000.0", "60000.0", "60000.0");
        exchange.openBar(first);

        assertThat(exchange.isNewBar(first)).isFalse();
        assertThat(exchange.isNewBar(bar(1, "60000.0", "60000.0", "60000.0", "60000.0"))).isTrue();
    }
}
