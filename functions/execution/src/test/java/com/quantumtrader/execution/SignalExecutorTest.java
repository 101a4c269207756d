package com.quantumtrader.execution;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FAILED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FILLED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_SUBMITTED;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.names;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignalExecutorTest {

    private static final String TRACE = "TRACE-SIG-1";

    private final ExecutionHarness execution = new ExecutionHarness();

    @BeforeEach
    void marketHasTraded() {
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        execution.bar(bar("ETHUSDT").hour(0).ohlc("3000.00", "3010.00", "2990.00", "3005.00").build());
    }

    @Test
    void submitsMarketEntryOnApprovalWithoutFillingIt() {
        List<Emit> emits = execution.approve(approval().build(), TRACE);

        assertThat(names(emits)).containsExactly("execution.order.submitted");
        OrderSubmitted submitted = payloads(emits, EXECUTION_ORDER_SUBMITTED).get(0);
        assertThat(submitted.clientOrderId()).isEqualTo("E-SIG-1");
        assertThat(submitted.type()).isEqualTo("MARKET");
        assertThat(submitted.side()).isEqualTo(OrderSide.BUY);
        assertThat(submitted.purpose()).isEqualTo(OrderPurpose.ENTRY);
        assertThat(submitted.quantity()).isEqualByComparingTo("0.010");
        assertThat(submitted.price()).isNull();
        assertThat(submitted.reduceOnly()).isFalse();
        assertThat(emits.get(0).traceId()).isEqualTo(TRACE);
        assertThat(execution.exchange().positions()).isEmpty();
    }

    @Test
    void fillsAtTheNextBarsOpenNeverAtTheCloseTheSignalSaw() {
        // given an approval priced at the close of bar 0 (61200.0)
        execution.approve(approval().reference("61200.0").build(), TRACE);

        // when bar 1 opens at 61234.5
        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());

        // then the fill is built from 61234.5 (plus slippage), not from 61200.0
        OrderFilled fill = payloads(emits, EXECUTION_ORDER_FILLED).get(0);
        assertThat(fill.price()).isGreaterThan(new BigDecimal("61234.5"));
        assertThat(fill.expectedPrice()).isEqualByComparingTo("61200.0");
    }

    @Test
    void chargesSlippageAndTakerFeeToTheCentOnAHandComputedFill() {
        execution.approve(approval().quantity("0.010").build(), TRACE);

        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());

        // slippage = half of the 2 bps spread of 61234.5 (6.12345) + 5 % of the 500.0 range (25) = 31.12345
        // buy price 61234.5 + 31.12345 = 61265.62345, up to the 0.10 tick against the taker = 61265.7
        // fee = 61265.7 * 0.010 * 0.0004 = 0.2450628 USDT
        OrderFilled fill = payloads(emits, EXECUTION_ORDER_FILLED).get(0);
        assertThat(fill.price()).isEqualByComparingTo("61265.7");
        assertThat(fill.fee()).isEqualByComparingTo("0.2450628");
        assertThat(fill.fee().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("0.25");
        assertThat(fill.feeAsset()).isEqualTo("USDT");
        assertThat(fill.quantity()).isEqualByComparingTo("0.010");
    }

    @Test
    void entryFillCarriesWhatPortfolioNeedsInTheApprovalsTrace() {
        execution.approve(approval().build(), TRACE);
        MarketPriceUpdate next = bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build();

        List<Emit> emits = execution.bar(next);

        Emit fillEmit = emits.stream().filter(e -> e.type().equals(EXECUTION_ORDER_FILLED)).findFirst().orElseThrow();
        OrderFilled fill = (OrderFilled) fillEmit.payload();
        assertThat(fillEmit.traceId()).isEqualTo(TRACE);
        assertThat(fill.signalId()).isEqualTo("SIG-1");
        assertThat(fill.clientOrderId()).isEqualTo("E-SIG-1");
        assertThat(fill.purpose()).isEqualTo(OrderPurpose.ENTRY);
        assertThat(fill.complete()).isTrue();
        assertThat(fill.cumulativeQuantity()).isEqualByComparingTo("0.010");
        assertThat(fill.stopPrice()).isEqualByComparingTo("60000.0");
        assertThat(fill.targetPrice()).isEqualByComparingTo("63000.0");
        assertThat(fill.strategyId()).isEqualTo("ma_crossover");
        assertThat(fill.modelId()).isEqualTo("ma-crossover-v1");
        // it traded at the bar's open, so it is stamped there, not when the closed bar was applied
        assertThat(fill.filledAt()).isEqualTo(next.openTime());
    }

    @Test
    void placesReduceOnlyStopAndTargetInTheApprovalsTraceOnceTheEntryFills() {
        execution.approve(approval().build(), TRACE);

        List<Emit> emits = execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());

        assertThat(names(emits)).containsExactly("execution.order.filled", "execution.order.submitted",
                "execution.order.submitted", "market.price.update");
        List<OrderSubmitted> protective = payloads(emits, EXECUTION_ORDER_SUBMITTED);
        assertThat(protective).extracting(OrderSubmitted::clientOrderId).containsExactly("SL-SIG-1", "TP-SIG-1");
        assertThat(protective).extracting(OrderSubmitted::type).containsExactly("STOP_MARKET", "TAKE_PROFIT_MARKET");
        assertThat(protective).extracting(OrderSubmitted::side).containsOnly(OrderSide.SELL);
        assertThat(protective).allMatch(OrderSubmitted::reduceOnly);
        assertThat(protective.get(0).price()).isEqualByComparingTo("60000.0");
        assertThat(protective.get(1).price()).isEqualByComparingTo("63000.0");
        assertThat(emits.subList(0, 3)).extracting(Emit::traceId).containsOnly(TRACE);
        assertThat(emits.get(3).traceId()).as("the bar starts its own trace").isNull();
    }

    @Test
    void roundsTheApprovedQuantityDownToTheStepNeverUp() {
        List<Emit> emits = execution.approve(approval().quantity("0.0109").build(), TRACE);

        assertThat(payloads(emits, EXECUTION_ORDER_SUBMITTED).get(0).quantity()).isEqualByComparingTo("0.010");
    }

    @Test
    void failsWithLotSizeWhenTheQuantityRoundsDownToNothing() {
        List<Emit> emits = execution.approve(approval().quantity("0.0009").build(), TRACE);

        OrderFailed failed = payloads(emits, EXECUTION_ORDER_FAILED).get(0);
        assertThat(failed.errorCode()).isEqualTo("LOT_SIZE");
        assertThat(failed.errorMessage()).contains("0.0009");
        assertThat(failed.purpose()).isEqualTo(OrderPurpose.ENTRY);
        assertThat(emits.get(0).traceId()).isEqualTo(TRACE);
        assertThat(execution.orderState("E-SIG-1")).isEqualTo("REJECTED");
    }

    @Test
    void failsWithMinNotionalWhenTheOrderIsWorthTooLittle() {
        // 0.005 ETH at 3005.00 = 15.025 USDT, under ETHUSDT's 20 USDT minimum
        SignalApproved small = approval().symbol("ETHUSDT").quantity("0.005").reference("3005.00").stop("2950.00")
                .target("3100.00").build();

        List<Emit> emits = execution.approve(small, TRACE);

        OrderFailed failed = payloads(emits, EXECUTION_ORDER_FAILED).get(0);
        assertThat(failed.errorCode()).isEqualTo("MIN_NOTIONAL");
        assertThat(failed.quantity()).isEqualByComparingTo("0.005");
        assertThat(execution.exchange().openOrderIds()).isEmpty();
    }

    @Test
    void failsForASymbolTheExchangeDoesNotList() {
        List<Emit> emits = execution.approve(approval().symbol("UNLISTEDUSDT").reference("0.15").stop("0.14")
                .target("0.17").quantity("1000").build(), TRACE);

        assertThat(payloads(emits, EXECUTION_ORDER_FAILED)).extracting(OrderFailed::errorCode).containsExactly("UNKNOWN_SYMBOL");
    }

    @Test
    void failsWhenTheStopIsOnTheWinningSide() {
        List<Emit> emits = execution.approve(approval().side(Side.SHORT).stop("60000.0").target("59000.0").build(), TRACE);

        assertThat(payloads(emits, EXECUTION_ORDER_FAILED)).extracting(OrderFailed::errorCode).containsExactly("INVALID_STOP");
    }

    @Test
    void aRedeliveredApprovalOfTheSameSignalNeverPlacesASecondOrder() {
        execution.approve(approval().build(), TRACE);

        // the same signal again, under a new event id (e.g. risk re-published it)
        List<Emit> again = execution.approve(approval().build(), TRACE);
        List<Emit> fill = execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());

        assertThat(again).isEmpty();
        assertThat(payloads(fill, EXECUTION_ORDER_FILLED)).hasSize(1);
        assertThat(execution.exchange().positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.010"));
    }

    @Test
    void aRedeliveredRejectedApprovalDoesNotFailTwice() {
        execution.approve(approval().quantity("0.0001").build(), TRACE);

        assertThat(execution.approve(approval().quantity("0.0001").build(), TRACE)).isEmpty();
    }

    @Test
    void refusesASecondPositionInTheSameSymbol() {
        execution.approve(approval().signal("SIG-1").build(), TRACE);

        List<Emit> emits = execution.approve(approval().signal("SIG-2").build(), "TRACE-SIG-2");

        assertThat(payloads(emits, EXECUTION_ORDER_FAILED)).extracting(OrderFailed::errorCode).containsExactly("POSITION_OPEN");
    }

    @Test
    void rejectsAnApprovalWithoutAPositiveQuantityAsAContractViolation() {
        SignalApproved broken = new SignalApproved("SIG-9", "BTCUSDT", Side.LONG, BigDecimal.ZERO,
                new BigDecimal("61200.0"), new BigDecimal("60000.0"), null, "ma_crossover", "m");

        assertThatThrownBy(() -> execution.approve(broken, TRACE))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("approved_quantity")
                .hasMessageContaining("target_price");
    }
}
