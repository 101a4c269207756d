package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_SLIPPAGE_HIGH;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.execution.SlippageHigh;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlippageAlertTest {

    @Test
    void raisesSlippageHighOnceWhenEntriesKeepFillingFarFromTheirReference() {
        // a 60 bps spread: every entry pays 30 bps plus 5 % of the bar's range, over the 15 bps default threshold
        ExecutionHarness execution = new ExecutionHarness(SimulatedExchangeSettings.defaults()
                .withSlippage(new BigDecimal("60"), new BigDecimal("0.05")), new InMemoryKeyValueStore(),
                new SimulatedClock(Bars.START));
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61200.0", "61200.0", "61200.0", "61200.0").build());
        List<Emit> alerts = new ArrayList<>();

        for (int trade = 1; trade <= 7; trade++) {
            execution.approve(approval().signal("SIG-" + trade).reference("61200.0").build(), "TRACE-" + trade);
            List<Emit> emits = execution.bar(bar("BTCUSDT").hour(trade).ohlc("61200.0", "61250.0", "61150.0", "61200.0").build());
            emits.stream().filter(e -> e.type().equals(EXECUTION_SLIPPAGE_HIGH)).forEach(alerts::add);
            execution.emergencyStop();
        }

        // the 10-fill window may judge from its 5th fill on; it alerts then, and not again while it stays high
        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert.traceId()).isEqualTo("TRACE-5"));
        SlippageHigh high = payloads(alerts, EXECUTION_SLIPPAGE_HIGH).get(0);
        assertThat(high.symbol()).isEqualTo("BTCUSDT");
        assertThat(high.windowOrders()).isEqualTo(5);
        assertThat(high.slippageBps()).isGreaterThan(high.thresholdBps());
    }
}
