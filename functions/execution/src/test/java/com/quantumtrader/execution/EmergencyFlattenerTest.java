package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FAILED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FILLED;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.execution.OrderFilled;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmergencyFlattenerTest {

    private final ExecutionHarness execution = new ExecutionHarness();

    @BeforeEach
    void givenALongWithProtectionAndAWaitingEntry() {
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        execution.bar(bar("ETHUSDT").hour(0).ohlc("3000.00", "3010.00", "2990.00", "3005.00").build());
        execution.approve(approval().signal("SIG-BTC").build(), "TRACE-BTC");
        execution.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());
        execution.approve(approval().signal("SIG-ETH").symbol("ETHUSDT").quantity("0.100").reference("3005.00")
                .stop("2950.00").target("3100.00").build(), "TRACE-ETH");
        assertThat(execution.exchange().openOrderIds()).containsExactly("E-SIG-ETH", "SL-SIG-BTC", "TP-SIG-BTC");
    }

    @Test
    void cancelsEveryOrderClosesEveryPositionAndLeavesTheExchangeFlat() {
        execution.emergencyStop();

        assertThat(execution.exchange().positions()).isEmpty();
        assertThat(execution.exchange().openOrderIds()).isEmpty();
        assertThat(execution.orderState("SL-SIG-BTC")).isEqualTo("CANCELED");
        assertThat(execution.orderState("TP-SIG-BTC")).isEqualTo("CANCELED");
        assertThat(execution.orderState("E-SIG-ETH")).isEqualTo("CANCELED");
        assertThat(execution.orderState("X-SIG-BTC")).isEqualTo("FILLED");
    }

    @Test
    void closesAtTheLatestCloseWithSlippageAndFeeInTheTraceOfThePositionsSignal() {
        List<Emit> emits = execution.emergencyStop();

        Emit exitEmit = emits.stream().filter(e -> e.type().equals(EXECUTION_ORDER_FILLED)).findFirst().orElseThrow();
        OrderFilled exit = (OrderFilled) exitEmit.payload();
        assertThat(exitEmit.traceId()).isEqualTo("TRACE-BTC");
        assertThat(exit.purpose()).isEqualTo(OrderPurpose.EXIT);
        assertThat(exit.side()).isEqualTo(OrderSide.SELL);
        assertThat(exit.signalId()).isEqualTo("SIG-BTC");
        assertThat(exit.quantity()).isEqualByComparingTo("0.010");
        assertThat(exit.expectedPrice()).isEqualByComparingTo("61400.0");
        // 61400.0 less 6.14 (half spread) and 5 % of the 500.0 range scaled to the close (25.0675...) -> 61368.7
        assertThat(exit.price()).isEqualByComparingTo("61368.7");
        assertThat(exit.fee()).isEqualByComparingTo(exit.price().multiply(new BigDecimal("0.010"))
                .multiply(new BigDecimal("0.0004")).setScale(8, RoundingMode.HALF_EVEN));
        assertThat(exit.filledAt()).isEqualTo(execution.clock.instant());
    }

    @Test
    void freesTheReservationOfAnEntryThatNeverFilled() {
        List<Emit> emits = execution.emergencyStop();

        List<OrderFailed> failed = payloads(emits, EXECUTION_ORDER_FAILED);
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.signalId()).isEqualTo("SIG-ETH");
            assertThat(f.errorCode()).isEqualTo("EMERGENCY_STOP");
            assertThat(f.purpose()).isEqualTo(OrderPurpose.ENTRY);
        });
        assertThat(emits.stream().filter(e -> e.type().equals(EXECUTION_ORDER_FAILED)))
                .extracting(Emit::traceId).containsExactly("TRACE-ETH");
    }

    @Test
    void aSecondEmergencyStopFindsNothingToDo() {
        execution.emergencyStop();

        assertThat(execution.emergencyStop()).isEmpty();
        assertThat(execution.exchange().positions()).isEmpty();
    }

    @Test
    void theCancelledEntryNeverFillsOnTheNextBar() {
        execution.emergencyStop();

        List<Emit> next = execution.bar(bar("ETHUSDT").hour(1).ohlc("3005.00", "3020.00", "3000.00", "3010.00").build());

        assertThat(payloads(next, EXECUTION_ORDER_FILLED)).isEmpty();
        assertThat(execution.exchange().positions()).isEmpty();
    }
}
