package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FILLED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_SUBMITTED;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.names;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long BTCUSDT 0.010 entered at bar 1 with stop 60000.0 and target 63000.0, then what bars do to it. */
class ProtectiveOrdersTest {

    private static final String TRACE = "TRACE-SIG-1";

    private final ExecutionHarness execution = new ExecutionHarness();

    private void givenAnOpenLong() {
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        execution.approve(approval().build(), TRACE);
        execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());
    }

    private static OrderFilled onlyFill(List<Emit> emits) {
        return payloads(emits, EXECUTION_ORDER_FILLED).get(0);
    }

    @Test
    void stopFillsAtTheStopLessSlippageWhenTheBarTradesThroughIt() {
        givenAnOpenLong();

        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(2).ohlc("61000.0", "61100.0", "59800.0", "59900.0").build());

        // sell from the stop 60000.0: 1 bps half spread (6.0) + 5 % of the 1300.0 range scaled to the stop
        // (65 * 60000/61000 = 63.934...) = 69.934...; 59930.065... down to the tick = 59930.0; fee 0.239720 USDT
        OrderFilled stop = onlyFill(emits);
        assertThat(stop.purpose()).isEqualTo(OrderPurpose.STOP_LOSS);
        assertThat(stop.clientOrderId()).isEqualTo("SL-SIG-1");
        assertThat(stop.side()).isEqualTo(OrderSide.SELL);
        assertThat(stop.price()).isEqualByComparingTo("59930.0");
        assertThat(stop.expectedPrice()).isEqualByComparingTo("60000.0");
        assertThat(stop.fee()).isEqualByComparingTo("0.23972");
        assertThat(stop.stopPrice()).isNull();
        assertThat(stop.strategyId()).isNull();
        assertThat(emits.get(0).traceId()).isEqualTo(TRACE);
        assertThat(execution.exchange().positions()).isEmpty();
    }

    @Test
    void aGapThroughTheStopFillsAtTheOpenNotAtTheStop() {
        givenAnOpenLong();

        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(2).ohlc("59500.0", "59700.0", "59400.0", "59600.0").build());

        // sell from the open 59500.0: 5.95 + 5 % of 300.0 = 20.95; 59479.05 down to the tick = 59479.0
        assertThat(onlyFill(emits).price()).isEqualByComparingTo("59479.0");
    }

    @Test
    void targetFillsAndCancelsTheStop() {
        givenAnOpenLong();

        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(2).ohlc("62000.0", "63100.0", "61900.0", "63000.0").build());

        // sell from the target 63000.0: 6.3 + 60 * 63000/62000 (60.967...) = 67.267...; 62932.73... -> 62932.7
        OrderFilled target = onlyFill(emits);
        assertThat(target.purpose()).isEqualTo(OrderPurpose.TAKE_PROFIT);
        assertThat(target.price()).isEqualByComparingTo("62932.7");
        assertThat(execution.orderState("SL-SIG-1")).isEqualTo("CANCELED");
        assertThat(execution.orderState("TP-SIG-1")).isEqualTo("FILLED");
        assertThat(execution.exchange().openOrderIds()).isEmpty();
    }

    @Test
    void aBarTouchingBothStopAndTargetFillsTheStop() {
        givenAnOpenLong();

        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(2).ohlc("61000.0", "63500.0", "59500.0", "61000.0").build());

        assertThat(payloads(emits, EXECUTION_ORDER_FILLED)).extracting(OrderFilled::purpose)
                .containsExactly(OrderPurpose.STOP_LOSS);
        assertThat(execution.orderState("TP-SIG-1")).isEqualTo("CANCELED");
    }

    @Test
    void theCancelledSideOfTheOcoPairNeverFillsLater() {
        givenAnOpenLong();
        execution.bar(bar("BTCUSDT").hour(2).ohlc("61000.0", "61100.0", "59800.0", "59900.0").build());

        List<Emit> later = execution.bar(bar("BTCUSDT").hour(3).ohlc("59900.0", "64000.0", "59900.0", "63900.0").build());

        assertThat(names(later)).containsExactly("market.price.update");
        assertThat(execution.exchange().positions()).isEmpty();
    }

    @Test
    void protectiveOrdersPlacedAtABarsOpenAreCheckedAgainstThatBar() {
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        execution.approve(approval().build(), TRACE);

        // the entry fills at 61234.5 and the same bar falls through the stop
        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61300.0", "59900.0", "60100.0").build());

        assertThat(payloads(emits, EXECUTION_ORDER_FILLED)).extracting(OrderFilled::purpose)
                .containsExactly(OrderPurpose.ENTRY, OrderPurpose.STOP_LOSS);
        assertThat(execution.exchange().positions()).isEmpty();
    }

    @Test
    void aShortIsProtectedByABuyStopAboveAndABuyTargetBelow() {
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        execution.approve(approval().side(Side.SHORT).stop("62000.0").target("59000.0").build(), TRACE);
        execution.bar(bar("BTCUSDT").hour(1).ohlc("61200.0", "61300.0", "61100.0", "61250.0").build());

        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(2).ohlc("61250.0", "62100.0", "61200.0", "62050.0").build());

        OrderFilled stop = onlyFill(emits);
        assertThat(stop.side()).isEqualTo(OrderSide.BUY);
        assertThat(stop.purpose()).isEqualTo(OrderPurpose.STOP_LOSS);
        assertThat(stop.price()).isGreaterThan(new BigDecimal("62000.0"));
        assertThat(execution.exchange().positions()).isEmpty();
    }

    @Test
    void movesTheRestingStopWhenPortfolioAdjustsIt() {
        givenAnOpenLong();

        List<Emit> emits = execution.moveStop("SIG-1", "BTCUSDT", "60000.0", "61234.46");

        // break-even 61234.46 is put on the 0.10 tick: 61234.5
        OrderSubmitted replacement = payloads(emits, EXECUTION_ORDER_SUBMITTED).get(0);
        assertThat(replacement.clientOrderId()).isEqualTo("SL2-SIG-1");
        assertThat(replacement.price()).isEqualByComparingTo("61234.5");
        assertThat(replacement.quantity()).isEqualByComparingTo("0.010");
        assertThat(emits.get(0).traceId()).isEqualTo(TRACE);
        assertThat(execution.orderState("SL-SIG-1")).isEqualTo("CANCELED");

        // and the old level no longer matters: a dip to 61100.0 fills the moved stop
        List<Emit> dip = execution.bar(bar("BTCUSDT").hour(2).ohlc("61400.0", "61450.0", "61100.0", "61200.0").build());
        assertThat(onlyFill(dip).clientOrderId()).isEqualTo("SL2-SIG-1");
        assertThat(onlyFill(dip).expectedPrice()).isEqualByComparingTo("61234.5");
    }

    @Test
    void ignoresAStopMoveForAPositionAlreadyClosed() {
        givenAnOpenLong();
        execution.bar(bar("BTCUSDT").hour(2).ohlc("61000.0", "61100.0", "59800.0", "59900.0").build());

        assertThat(execution.moveStop("SIG-1", "BTCUSDT", "60000.0", "61234.5")).isEmpty();
        assertThat(execution.exchange().openOrderIds()).isEmpty();
    }

    @Test
    void ignoresAStopMoveThatDoesNotChangeTheLevel() {
        givenAnOpenLong();

        assertThat(execution.moveStop("SIG-1", "BTCUSDT", "60000.0", "60000.0")).isEmpty();
        assertThat(execution.orderState("SL-SIG-1")).isEqualTo("SUBMITTED");
    }
}
