package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_ORDER_FAILED;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.names;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.execution.policy.ExecutionPolicySection;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.guard.OrderSanityGuard;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Defence in depth below risk: an approval no sane risk decision contains is refused by execution itself with a
 * reason, and never reaches the exchange (issue: a 1,000,000 ETH approval put on the execution stream was filled).
 */
class InsaneApprovalsRefusedTest {

    private final List<String> placed = new ArrayList<>();
    private ExecutionHarness execution;

    @BeforeEach
    void marketHasTraded() {
        Policy defaults = PolicyDefaults.load();
        Policy policy = defaults.with("execution", ExecutionPolicySection.of(defaults).withOrderGuard(
                new BigDecimal("25000"), new BigDecimal("50000"), new BigDecimal("500")));
        execution = new ExecutionHarness(SimulatedExchangeSettings.defaults(), new InMemoryKeyValueStore(),
                new SimulatedClock(Bars.START), () -> policy, this::recordingPlacements);
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61000.0", "61300.0", "60900.0", "61200.0").build());
        execution.bar(bar("ETHUSDT").hour(0).ohlc("3000.00", "3010.00", "2990.00", "3005.00").build());
    }

    @Test
    void refusesAMillionEthApprovalAboveTheContractsMaximumQuantity() {
        List<Emit> emits = execution.approve(approval().signal("SIG-HUGE").symbol("ETHUSDT").quantity("1000000")
                .reference("3005.00").stop("2950.00").target("3100.00").build(), "TRACE-HUGE");

        assertThat(names(emits)).containsExactly("execution.order.failed");
        OrderFailed failed = payloads(emits, EXECUTION_ORDER_FAILED).get(0);
        assertThat(failed.errorCode()).isEqualTo(OrderSanityGuard.ABOVE_MAX_QUANTITY);
        assertThat(failed.errorMessage()).contains("limit 2000", "value 1000000");
        assertThat(failed.purpose()).isEqualTo(OrderPurpose.ENTRY);
        assertThat(emits.get(0).traceId()).isEqualTo("TRACE-HUGE");
        assertThat(placed).isEmpty();
        assertThat(execution.orderState("E-SIG-HUGE")).isEqualTo("REJECTED");
        assertThat(execution.exchange().positions()).isEmpty();
    }

    @Test
    void refusesAnApprovalAboveExecutionsOwnNotionalCap() {
        // 0.5 BTC at 61200 = 30600 USDT > 25000 (within the contract's 120 BTC)
        List<Emit> emits = execution.approve(approval().quantity("0.500").build(), "TRACE-BIG");

        OrderFailed failed = payloads(emits, EXECUTION_ORDER_FAILED).get(0);
        assertThat(failed.errorCode()).isEqualTo(OrderSanityGuard.ORDER_NOTIONAL_ABOVE_CAP);
        assertThat(failed.errorMessage()).contains("limit 25000", "value 30600");
        assertThat(placed).isEmpty();
    }

    @Test
    void refusesAnApprovalPricedFarFromTheMarket() {
        // priced at 70000 with the last price 61200: 1437.9 bps > 500
        List<Emit> emits = execution.approve(approval().reference("70000.0").stop("69000.0").target("72000.0")
                .build(), "TRACE-FAR");

        OrderFailed failed = payloads(emits, EXECUTION_ORDER_FAILED).get(0);
        assertThat(failed.errorCode()).isEqualTo(OrderSanityGuard.PRICE_FAR_FROM_MARKET);
        assertThat(failed.errorMessage()).contains("limit 500", "value 1437.9");
        assertThat(placed).isEmpty();
    }

    @Test
    void stillPlacesASaneApproval() {
        List<Emit> emits = execution.approve(approval().build(), "TRACE-OK");

        assertThat(names(emits)).containsExactly("execution.order.submitted");
        assertThat(placed).containsExactly("E-SIG-1");
    }

    /** The simulated exchange, noting the client id of every order placed on it. */
    private ExchangePort recordingPlacements(ExchangePort exchange) {
        return (ExchangePort) Proxy.newProxyInstance(ExchangePort.class.getClassLoader(),
                new Class<?>[] {ExchangePort.class}, (proxy, method, args) -> {
                    if (method.getName().equals("place")) {
                        placed.add(((OrderRequest) args[0]).clientOrderId());
                    }
                    try {
                        return method.invoke(exchange, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
