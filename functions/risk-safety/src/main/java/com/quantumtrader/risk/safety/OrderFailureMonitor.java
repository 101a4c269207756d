package com.quantumtrader.risk.safety;

import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.risk.model.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.model.safety.OrderFailureRules;
import com.quantumtrader.risk.store.ExposureStore;
import com.quantumtrader.risk.store.LifecycleStore;
import com.quantumtrader.risk.store.OrderHealthStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code execution.order.failed}: a failed entry never opens a position, so its reservation is freed and its
 * lifecycle ends. Every failure counts towards the emergency stop and the circuit breaker
 * ({@link OrderFailureRules}), except the {@link OrderFailureRules#MARKET_OUTCOMES}: an order the market did not
 * take is the exchange working as asked, so it frees the reservation and counts nowhere (it neither adds to nor
 * breaks a run of failures).
 */
public final class OrderFailureMonitor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrderFailureMonitor.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final ExposureStore exposure;
    private final SafetySwitches switches;
    private final OrderHealthStore health;
    private final LifecycleStore lifecycle;
    private final String name;

    public OrderFailureMonitor(String name, Clock clock, PolicyReader policy, ExposureStore exposure,
                               SafetySwitches switches, OrderHealthStore health, LifecycleStore lifecycle) {
        this.name = name;
        this.clock = clock;
        this.policy = policy;
        this.exposure = exposure;
        this.switches = switches;
        this.health = health;
        this.lifecycle = lifecycle;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        OrderFailed failed = event.payload(EventCatalog.EXECUTION_ORDER_FAILED);
        Instant now = clock.instant();
        if (failed.purpose() == OrderPurpose.ENTRY) {
            endEntry(failed, now);
        }
        if (OrderFailureRules.MARKET_OUTCOMES.contains(failed.errorCode())) {
            LOG.info("{} {} of {}: {}, not an exchange failure", failed.purpose(), failed.clientOrderId(),
                    failed.symbol(), failed.errorCode());
            return List.of();
        }
        RiskPolicy current = RiskPolicy.of(policy.current());
        long inARow = health.failed(failed.errorCode(), now);
        var failure = new OrderFailureRules.Failure(failed.errorCode(), failed.symbol(), now, inARow,
                health.unreachableSince(), switches.breakerPhase(now, current.circuitBreaker()),
                health.failureWindow());
        return apply(OrderFailureRules.decide(failure, current.emergency(), current.circuitBreaker()), current, now);
    }

    private void endEntry(OrderFailed failed, Instant now) {
        exposure.release(failed.signalId()).ifPresent(r ->
                LOG.info("entry of {} {} failed ({}): reservation of {} freed", failed.symbol(),
                        failed.signalId(), failed.errorCode(), r.notional().toPlainString()));
        lifecycle.advance(failed.signalId(), TradeLifecycle.FAILED, now, failed.errorCode());
    }

    private List<Emit> apply(OrderFailureRules.Outcome outcome, RiskPolicy current, Instant now) {
        if (outcome instanceof OrderFailureRules.Emergency stop) {
            return switches.triggerEmergency(stop.reason(), stop.figure(), stop.value(), stop.threshold(), now, name);
        }
        if (outcome instanceof OrderFailureRules.Counted counted) {
            health.saveFailureWindow(counted.window());
            return List.of();
        }
        OrderFailureRules.Trip trip = (OrderFailureRules.Trip) outcome;
        health.clearFailureWindow();
        LOG.warn(trip.reopened() ? "circuit breaker reopens: {}" : "circuit breaker trips: {}", trip.detail());
        return switches.trip(trip.cause(), trip.detail(), now, current.circuitBreaker(), name);
    }
}
