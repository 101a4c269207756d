package com.quantumtrader.execution;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FILLED;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFilled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every piece of execution's state is in its store: a new process over the same store carries on. */
class RestartTest {

    private final ExecutionHarness before = new ExecutionHarness();

    @Test
    void aWaitingEntryFillsAfterARestartInItsOriginalTrace() {
        before.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        before.approve(approval().build(), "TRACE-SIG-1");

        ExecutionHarness after = before.restarted();
        List<Emit> emits = after.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());

        Emit fill = emits.get(0);
        assertThat(((OrderFilled) fill.payload()).clientOrderId()).isEqualTo("E-SIG-1");
        assertThat(fill.traceId()).isEqualTo("TRACE-SIG-1");
        assertThat(after.exchange().openOrderIds()).containsExactly("SL-SIG-1", "TP-SIG-1");
    }

    @Test
    void anApprovalRedeliveredAfterARestartStillPlacesNothing() {
        before.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        before.approve(approval().build(), "TRACE-SIG-1");

        ExecutionHarness after = before.restarted();

        assertThat(after.approve(approval().build(), "TRACE-SIG-1")).isEmpty();
        assertThat(after.exchange().openOrderIds()).containsExactly("E-SIG-1");
    }

    @Test
    void restingProtectionKeepsWorkingAndItsOcoPartnerIsCancelledAfterARestart() {
        before.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        before.approve(approval().build(), "TRACE-SIG-1");
        before.bar(bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build());

        ExecutionHarness after = before.restarted();
        List<Emit> emits = after.bar(bar("BTCUSDT").hour(2).ohlc("61000.0", "61100.0", "59800.0", "59900.0").build());

        assertThat(payloads(emits, EXECUTION_ORDER_FILLED)).extracting(OrderFilled::purpose)
                .containsExactly(OrderPurpose.STOP_LOSS);
        assertThat(after.orderState("TP-SIG-1")).isEqualTo("CANCELED");
        assertThat(after.exchange().positions()).isEmpty();
    }

    @Test
    void aBarSeenBeforeTheRestartIsNotReplayedIntoFills() {
        before.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        before.approve(approval().build(), "TRACE-SIG-1");
        MarketPriceUpdate filling = bar("BTCUSDT").hour(1).ohlc("61234.5", "61500.0", "61000.0", "61400.0").build();
        before.bar(filling);

        ExecutionHarness after = before.restarted();

        assertThat(after.feed.onBar(filling)).isEmpty();
        assertThat(after.exchange().positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.010"));
    }
}
