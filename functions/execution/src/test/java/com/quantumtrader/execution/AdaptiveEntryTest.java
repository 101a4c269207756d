package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_ENTRY_MODE_CHANGED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FAILED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FILLED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_SUBMITTED;
import static com.quantumtrader.events.EventCatalog.EXECUTION_SLIPPAGE_HIGH;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.execution.policy.ExecutionPolicy;
import com.quantumtrader.execution.policy.ExecutionPolicy.AdaptiveEntry;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.EntryModeChanged;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Adaptive execution end to end through the execution domain's handlers and feed: a venue with a 60 bps spread
 * makes every market entry pay 30 bps against its 61200.0 reference; the policy's window of 4 fills judges from
 * the 2nd fill, turns high above 15 bps and recovers at or below 8 bps. Each trade is flattened by an emergency
 * stop before the next approval (one position per symbol).
 */
class AdaptiveEntryTest {

    private static final SimulatedExchangeSettings WIDE_SPREAD = SimulatedExchangeSettings.defaults()
            .withSlippage(new BigDecimal("60"), BigDecimal.ZERO);

    private final List<Emit> published = new ArrayList<>();
    private int hour;

    @Test
    void switchesToBoundedLimitIocWhileSlippageIsHighAndBackOnlyOnceItRecoversBelowTheLowerMark() {
        ExecutionHarness execution = harness(AdaptiveEntry.LIMIT_IOC);
        execution.bar(bar("BTCUSDT").hour(hour).ohlc("61200.0", "61200.0", "61200.0", "61200.0").build());

        trade(execution, 1, "61200.0"); // +30 bps, 1 fill: too few to judge
        List<Emit> second = trade(execution, 2, "61200.0"); // +30 bps: mean 30 > 15, high

        EntryModeChanged toLimit = payloads(second, EXECUTION_ENTRY_MODE_CHANGED).get(0);
        assertThat(toLimit).isEqualTo(new EntryModeChanged("BTCUSDT", "LIMIT_IOC", "MARKET", new BigDecimal("30.0000"),
                new BigDecimal("15"), 2));
        assertThat(payloads(second, EXECUTION_SLIPPAGE_HIGH)).hasSize(1);
        assertThat(second.stream().filter(e -> e.type().equals(EXECUTION_ENTRY_MODE_CHANGED)).findFirst().orElseThrow()
                .traceId()).isEqualTo("TRACE-2");

        // 3: the entry is a limit IOC at 61200.0 x 1.001 = 61261.2; the next open costs 61383.6: nothing trades
        List<Emit> third = trade(execution, 3, "61200.0");
        OrderSubmitted limitEntry = entry(third);
        assertThat(limitEntry.type()).isEqualTo("LIMIT");
        assertThat(limitEntry.price()).isEqualByComparingTo("61261.2");
        assertThat(payloads(third, EXECUTION_ORDER_FILLED)).isEmpty();
        assertThat(payloads(third, EXECUTION_ORDER_FAILED)).singleElement().satisfies(failed -> {
            assertThat(failed.purpose()).isEqualTo(OrderPurpose.ENTRY);
            assertThat(failed.errorCode()).isEqualTo("EXPIRED_UNFILLED");
        });

        // 4: the market opens lower, at 60900.0: the IOC takes at 61082.7, -19.1667 bps; mean 13.6 is below the high
        // mark but above the recovery mark: still limits (without hysteresis this would flap back to market)
        List<Emit> fourth = trade(execution, 4, "60900.0");
        assertThat(entry(fourth).type()).isEqualTo("LIMIT");
        OrderFilled filled = payloads(fourth, EXECUTION_ORDER_FILLED).get(0);
        assertThat(filled.price()).isEqualByComparingTo("61082.7");
        assertThat(payloads(fourth, EXECUTION_ENTRY_MODE_CHANGED)).isEmpty();

        // 5: another -19.1667: mean 5.4166 <= 8, recovered
        List<Emit> fifth = trade(execution, 5, "60900.0");
        assertThat(entry(fifth).type()).isEqualTo("LIMIT");
        assertThat(payloads(fifth, EXECUTION_ENTRY_MODE_CHANGED)).singleElement().satisfies(back -> {
            assertThat(back.mode()).isEqualTo("MARKET");
            assertThat(back.previousMode()).isEqualTo("LIMIT_IOC");
            assertThat(back.thresholdBps()).isEqualByComparingTo("8");
            assertThat(back.slippageBps()).isEqualByComparingTo("5.4166"); // 21.6666 / 4, half-even
        });

        // 6: market again
        assertThat(entry(trade(execution, 6, "61200.0")).type()).isEqualTo("MARKET");
        assertThat(published).allSatisfy(emit -> EventValidator.validate(execution.events.create(emit, "TRACE-CHECK")));
    }

    @Test
    void withAdaptiveEntriesOffHighSlippageOnlyAlertsAndEntriesStayMarketOrders() {
        ExecutionHarness execution = harness(AdaptiveEntry.OFF);
        execution.bar(bar("BTCUSDT").hour(hour).ohlc("61200.0", "61200.0", "61200.0", "61200.0").build());

        trade(execution, 1, "61200.0");
        List<Emit> second = trade(execution, 2, "61200.0");
        List<Emit> third = trade(execution, 3, "61200.0");

        assertThat(payloads(second, EXECUTION_SLIPPAGE_HIGH)).hasSize(1);
        assertThat(published.stream().filter(e -> e.type().equals(EXECUTION_ENTRY_MODE_CHANGED))).isEmpty();
        assertThat(entry(third).type()).isEqualTo("MARKET");
        assertThat(payloads(third, EXECUTION_ORDER_FILLED)).isNotEmpty();
    }

    /** Approves signal {@code n} at the 61200.0 reference, runs the next bar opening at {@code open}, flattens. */
    private List<Emit> trade(ExecutionHarness execution, int n, String open) {
        List<Emit> emits = new ArrayList<>(execution.approve(approval().signal("SIG-" + n).reference("61200.0").build(),
                "TRACE-" + n));
        hour++;
        emits.addAll(execution.bar(bar("BTCUSDT").hour(hour).ohlc(open, open, open, open).build()));
        emits.addAll(execution.emergencyStop());
        published.addAll(emits);
        return emits;
    }

    private static OrderSubmitted entry(List<Emit> emits) {
        return payloads(emits, EXECUTION_ORDER_SUBMITTED).stream()
                .filter(order -> order.purpose() == OrderPurpose.ENTRY).findFirst().orElseThrow();
    }

    private static ExecutionHarness harness(AdaptiveEntry adaptive) {
        ExecutionPolicy execution = new ExecutionPolicy(4, new BigDecimal("15"), new BigDecimal("8"), adaptive,
                new BigDecimal("10"));
        Policy defaults = PolicyDefaults.load();
        Policy policy = defaults.with("execution", execution);
        return new ExecutionHarness(WIDE_SPREAD, new InMemoryKeyValueStore(), new SimulatedClock(Bars.START),
                () -> policy, UnaryOperator.identity());
    }
}
