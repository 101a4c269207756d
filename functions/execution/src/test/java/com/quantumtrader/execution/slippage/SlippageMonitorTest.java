package com.quantumtrader.execution.slippage;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.SlippageHigh;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlippageMonitorTest {

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final SlippageMonitor monitor = new SlippageMonitor(store, 4, new BigDecimal("10"));

    private Optional<SlippageHigh> fill(String bps) {
        return monitor.record("BTCUSDT", new BigDecimal(bps));
    }

    @Test
    void measuresSlippageInBasisPointsAgainstUs() {
        // bought 61265.7 against 61200.0: 65.7 / 61200 = 10.7353 bps worse
        assertThat(SlippageMonitor.slippageBps(OrderSide.BUY, new BigDecimal("61200.0"), new BigDecimal("61265.7")))
                .isEqualByComparingTo("10.7353");
        // sold 2999.70 against 3000.00: 1 bps worse
        assertThat(SlippageMonitor.slippageBps(OrderSide.SELL, new BigDecimal("3000.00"), new BigDecimal("2999.70")))
                .isEqualByComparingTo("1.0000");
        // sold above the expected price: negative (in our favour)
        assertThat(SlippageMonitor.slippageBps(OrderSide.SELL, new BigDecimal("3000.00"), new BigDecimal("3003.00")))
                .isEqualByComparingTo("-10.0000");
    }

    @Test
    void waitsForHalfAWindowBeforeJudging() {
        assertThat(fill("50")).isEmpty();
    }

    @Test
    void alertsOnceWhenTheRollingMeanCrossesTheThreshold() {
        fill("4");
        Optional<SlippageHigh> crossing = fill("20");   // mean 12 over 2 fills
        Optional<SlippageHigh> stillHigh = fill("14");  // mean 12.67

        assertThat(crossing).hasValue(new SlippageHigh("BTCUSDT", new BigDecimal("12.0000"), new BigDecimal("10"), 2));
        assertThat(stillHigh).isEmpty();
    }

    @Test
    void alertsAgainOnlyAfterFallingBackBelow() {
        fill("20");
        fill("20");                       // alert
        fill("0");
        fill("0");                        // mean 10: not above
        fill("0");                        // window 20,0,0,0 -> 5
        Optional<SlippageHigh> again = fill("40");   // window 0,0,0,40 -> 10: not above
        Optional<SlippageHigh> crossed = fill("40"); // window 0,0,40,40 -> 20

        assertThat(again).isEmpty();
        assertThat(crossed).map(SlippageHigh::slippageBps).hasValue(new BigDecimal("20.0000"));
        assertThat(crossed).map(SlippageHigh::windowOrders).hasValue(4);
    }

    @Test
    void keepsEachSymbolsWindowApartAndInTheStore() {
        fill("30");
        new SlippageMonitor(store, 4, new BigDecimal("10")).record("ETHUSDT", new BigDecimal("0"));

        // a new monitor over the same store continues BTCUSDT's window
        Optional<SlippageHigh> alert = new SlippageMonitor(store, 4, new BigDecimal("10"))
                .record("BTCUSDT", new BigDecimal("30"));

        assertThat(alert).map(SlippageHigh::symbol).hasValue("BTCUSDT");
    }
}
