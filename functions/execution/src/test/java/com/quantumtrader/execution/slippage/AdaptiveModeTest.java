package com.quantumtrader.execution.slippage;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.execution.policy.ExecutionPolicy;
import com.quantumtrader.execution.policy.ExecutionPolicy.AdaptiveEntry;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.execution.EntryModeChanged;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The monitor's switch between market and limit IOC entries: a window of 4, high above 15 bps, recovered at 8. */
class AdaptiveModeTest {

    private final AtomicReference<ExecutionPolicy> policy = new AtomicReference<>(policy(AdaptiveEntry.LIMIT_IOC));
    private final SlippageMonitor monitor = new SlippageMonitor(new InMemoryKeyValueStore(), policy::get);

    @Test
    void switchesToLimitsAboveTheHighMarkAndBackOnlyAtOrBelowTheRecoveryMark() {
        List<String> modes = new ArrayList<>();
        List<EntryModeChanged> switches = new ArrayList<>();
        // rolling means: 20 (too few) | 20 high | 16.67 | 12.5 (between the marks: stays) | 10 | 5 recovered |
        // 12.5 (below the high mark: stays market)
        for (String bps : List.of("20", "20", "10", "0", "10", "0", "40")) {
            monitor.observe("BTCUSDT", new BigDecimal(bps)).modeChange().ifPresent(switches::add);
            modes.add(monitor.limitOffsetBps("BTCUSDT").isPresent() ? "LIMIT_IOC" : "MARKET");
        }

        assertThat(modes).containsExactly("MARKET", "LIMIT_IOC", "LIMIT_IOC", "LIMIT_IOC", "LIMIT_IOC", "MARKET",
                "MARKET");
        assertThat(switches).extracting(EntryModeChanged::mode).containsExactly("LIMIT_IOC", "MARKET");
        assertThat(switches.get(1).slippageBps()).isEqualByComparingTo("5");
        assertThat(switches.get(1).thresholdBps()).isEqualByComparingTo("8");
    }

    @Test
    void alertsWithoutSwitchingWhenAdaptiveEntriesAreOff() {
        policy.set(policy(AdaptiveEntry.OFF));

        SlippageMonitor.Observation first = monitor.observe("BTCUSDT", new BigDecimal("20"));
        SlippageMonitor.Observation second = monitor.observe("BTCUSDT", new BigDecimal("20"));

        assertThat(first.alert()).isEmpty();
        assertThat(second.alert()).isPresent();
        assertThat(second.modeChange()).isEmpty();
        assertThat(monitor.limitOffsetBps("BTCUSDT")).isEmpty();
    }

    @Test
    void aPolicyChangeAppliesToTheNextEntryWithoutAFill() {
        monitor.observe("BTCUSDT", new BigDecimal("20"));
        monitor.observe("BTCUSDT", new BigDecimal("20"));
        assertThat(monitor.limitOffsetBps("BTCUSDT")).contains(new BigDecimal("10"));

        policy.set(policy(AdaptiveEntry.OFF));

        assertThat(monitor.limitOffsetBps("BTCUSDT")).as("adaptive entries turned off by an operator").isEmpty();
    }

    @Test
    void eachSymbolSwitchesOnItsOwnSlippage() {
        monitor.observe("BTCUSDT", new BigDecimal("20"));
        monitor.observe("BTCUSDT", new BigDecimal("20"));
        monitor.observe("ETHUSDT", new BigDecimal("1"));
        monitor.observe("ETHUSDT", new BigDecimal("1"));

        assertThat(monitor.limitOffsetBps("BTCUSDT")).isPresent();
        assertThat(monitor.limitOffsetBps("ETHUSDT")).isEqualTo(Optional.empty());
    }

    private static ExecutionPolicy policy(AdaptiveEntry adaptive) {
        return new ExecutionPolicy(4, new BigDecimal("15"), new BigDecimal("8"), adaptive, new BigDecimal("10"));
    }
}
