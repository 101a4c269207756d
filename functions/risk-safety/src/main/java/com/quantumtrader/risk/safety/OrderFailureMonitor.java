package com.quantumtrader.risk.safety;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.risk.policy.CircuitBreakerPolicy;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.risk.exposure.ExposureBook;
import com.quantumtrader.risk.lifecycle.LifecycleBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code execution.order.failed}: a failed entry never opens a position, so its reservation is freed and its
 * lifecycle ends. Every failure counts towards the emergency stop (N in a row, or the exchange unreachable for
 * longer than the policy allows) and towards the circuit breaker (N within its window; any one while half-open),
 * except the {@link #MARKET_OUTCOMES}: an order the market did not take is the exchange working as asked, so it
 * frees the reservation and counts nowhere (it neither adds to nor breaks a run of failures).
 */
public final class OrderFailureMonitor implements EventHandler {

    static final String CAUSE = "ORDER_FAILURES";
    static final String HALF_OPEN_FAILURE = "HALF_OPEN_FAILURE";
    static final String CONSECUTIVE_FAILURES = "CONSECUTIVE_ORDER_FAILURES";
    static final String EXCHANGE_UNREACHABLE = "EXCHANGE_UNREACHABLE";
    /**
     * An IOC entry that found no price within its limit ({@code EXPIRED_UNFILLED}) and a post-only order that would
     * have taken ({@code POST_ONLY_REJECTED}, Binance -5022): outcomes of the market, not failures of the exchange.
     */
    static final Set<String> MARKET_OUTCOMES = Set.of("EXPIRED_UNFILLED", "POST_ONLY_REJECTED");
    private static final Logger LOG = LoggerFactory.getLogger(OrderFailureMonitor.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final ExposureBook exposure;
    private final SafetySwitches switches;
    private final FailureWindow failures;
    private final OrderHealth health;
    private final LifecycleBook lifecycle;
    private final String name;

    public OrderFailureMonitor(String name, Clock clock, PolicyReader policy, ExposureBook exposure,
                               SafetySwitches switches, KeyValueStore state, OrderHealth health,
                               LifecycleBook lifecycle) {
        this.name = name;
        this.clock = clock;
        this.policy = policy;
        this.exposure = exposure;
        this.switches = switches;
        this.failures = new FailureWindow(state);
        this.health = health;
        this.lifecycle = lifecycle;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        OrderFailed failed = event.payload(EventCatalog.EXECUTION_ORDER_FAILED);
        Instant now = clock.instant();
        if (failed.purpose() == OrderPurpose.ENTRY) {
            exposure.release(failed.signalId()).ifPresent(r ->
                    LOG.info("entry of {} {} failed ({}): reservation of {} freed", failed.symbol(),
                            failed.signalId(), failed.errorCode(), r.notional().toPlainString()));
            lifecycle.advance(failed.signalId(), LifecycleBook.FAILED, now, failed.errorCode());
        }
        if (MARKET_OUTCOMES.contains(failed.errorCode())) {
            LOG.info("{} {} of {}: {}, not an exchange failure", failed.purpose(), failed.clientOrderId(),
                    failed.symbol(), failed.errorCode());
            return List.of();
        }
        Policy current = policy.current();
        long inARow = health.failed(failed.errorCode(), now);
        if (inARow >= RiskPolicy.of(current).emergency().maxConsecutiveOrderFailures()) {
            return switches.triggerEmergency(CONSECUTIVE_FAILURES, "order failures in a row", Long.toString(inARow),
                    Integer.toString(RiskPolicy.of(current).emergency().maxConsecutiveOrderFailures()), now, name);
        }
        var unreachable = health.unreachableSince();
        if (unreachable.isPresent() && OrderHealth.UNREACHABLE_CODES.contains(failed.errorCode())) {
            long minutes = Duration.between(unreachable.get(), now).toMinutes();
            if (minutes >= RiskPolicy.of(current).emergency().exchangeUnreachableMinutes()) {
                return switches.triggerEmergency(EXCHANGE_UNREACHABLE, "exchange unreachable for", minutes + " min",
                        RiskPolicy.of(current).emergency().exchangeUnreachableMinutes() + " min", now, name);
            }
        }
        CircuitBreakerPolicy limits = RiskPolicy.of(current).circuitBreaker();
        BreakerPhase phase = switches.breakerPhase(now, limits);
        if (phase == BreakerPhase.HALF_OPEN) {
            failures.clear();
            String detail = failed.errorCode() + " on " + failed.symbol() + " while half-open";
            LOG.warn("circuit breaker reopens: {}", detail);
            return switches.trip(HALF_OPEN_FAILURE, detail, now, limits, name);
        }
        int inWindow = failures.record(now, Duration.ofMinutes(limits.windowMinutes()));
        if (inWindow < limits.maxOrderFailures() || phase == BreakerPhase.OPEN) {
            return List.of();
        }
        failures.clear();
        String detail = inWindow + " order failures within " + limits.windowMinutes() + " min (limit "
                + limits.maxOrderFailures() + "), last " + failed.errorCode() + " on " + failed.symbol();
        LOG.warn("circuit breaker trips: {}", detail);
        return switches.trip(CAUSE, detail, now, limits, name);
    }
}
