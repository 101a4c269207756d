package com.quantumtrader.risk.safety;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code portfolio.drawdown.high}: at or beyond the policy's emergency drawdown it latches the emergency stop and
 * orders execution to flatten; below it, it opens the circuit breaker so no new risk is taken for a cool-off.
 */
public final class DrawdownGuard implements EventHandler {

    static final String REASON = "DRAWDOWN";
    private static final Logger LOG = LoggerFactory.getLogger(DrawdownGuard.class);

    private final String name;
    private final Clock clock;
    private final PolicyReader policy;
    private final SafetySwitches switches;

    public DrawdownGuard(String name, Clock clock, PolicyReader policy, SafetySwitches switches) {
        this.name = name;
        this.clock = clock;
        this.policy = policy;
        this.switches = switches;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        DrawdownHigh drawdown = event.payload(EventCatalog.PORTFOLIO_DRAWDOWN_HIGH);
        Policy current = policy.current();
        Instant now = clock.instant();
        String value = drawdown.drawdown().toPlainString();
        if (drawdown.drawdown().compareTo(current.emergencyDrawdown()) >= 0) {
            List<Emit> stop = switches.triggerEmergency(REASON, "drawdown", value, current.emergencyDrawdown().toPlainString(),
                    now, name);
            if (stop.isEmpty()) {
                LOG.info("emergency stop already latched; drawdown {} changes nothing", value);
            } else {
                LOG.error("EMERGENCY STOP latched: drawdown {} >= {}", value, current.emergencyDrawdown());
            }
            return stop;
        }
        String detail = "drawdown " + value + " >= alert " + drawdown.threshold().toPlainString()
                + " (emergency at " + current.emergencyDrawdown().toPlainString() + ")";
        LOG.warn("circuit breaker trips: {}", detail);
        return switches.trip(REASON, detail, now, RiskPolicy.of(current).circuitBreaker(), name);
    }
}
