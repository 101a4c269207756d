package com.quantumtrader.risk.safety;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.CircuitBreakerPolicy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import com.quantumtrader.risk.exposure.ExposureBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code execution.order.failed}: a failed entry never opens a position, so its reservation is freed; every
 * failure counts towards the circuit breaker, which opens when the policy's number of failures falls within its
 * sliding window.
 */
public final class OrderFailureMonitor implements EventHandler {

    static final String CAUSE = "ORDER_FAILURES";
    private static final Logger LOG = LoggerFactory.getLogger(OrderFailureMonitor.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final ExposureBook exposure;
    private final SafetySwitches switches;
    private final FailureWindow failures;
    private final String name;

    public OrderFailureMonitor(String name, Clock clock, PolicyReader policy, ExposureBook exposure,
                               SafetySwitches switches, KeyValueStore state) {
        this.name = name;
        this.clock = clock;
        this.policy = policy;
        this.exposure = exposure;
        this.switches = switches;
        this.failures = new FailureWindow(state);
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        OrderFailed failed = event.payload(EventCatalog.EXECUTION_ORDER_FAILED);
        if (failed.purpose() == OrderPurpose.ENTRY) {
            exposure.release(failed.signalId()).ifPresent(r ->
                    LOG.info("entry of {} {} failed ({}): reservation of {} freed", failed.symbol(),
                            failed.signalId(), failed.errorCode(), r.notional().toPlainString()));
        }
        CircuitBreakerPolicy limits = policy.current().circuitBreaker();
        Instant now = clock.instant();
        int inWindow = failures.record(now, Duration.ofMinutes(limits.windowMinutes()));
        if (inWindow < limits.maxOrderFailures() || switches.openBreaker(now).isPresent()) {
            return List.of();
        }
        failures.clear();
        String detail = inWindow + " order failures within " + limits.windowMinutes() + " min (limit "
                + limits.maxOrderFailures() + "), last " + failed.errorCode() + " on " + failed.symbol();
        CircuitBreakerState breaker = switches.open(CAUSE, detail, now,
                now.plus(Duration.ofMinutes(limits.coolOffMinutes())), name);
        LOG.warn("circuit breaker open until {}: {}", breaker.until(), detail);
        return List.of(Emit.of(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED,
                new CircuitBreakerActivated(CAUSE, detail, breaker.until())));
    }
}
