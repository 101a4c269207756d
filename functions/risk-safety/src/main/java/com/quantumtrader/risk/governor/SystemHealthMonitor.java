package com.quantumtrader.risk.governor;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.risk.store.GovernorStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code os.self_healing.triggered}: the component is degraded for the governor from now on. Publishes nothing. */
public final class SystemHealthMonitor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SystemHealthMonitor.class);

    private final Clock clock;
    private final GovernorStore governor;

    public SystemHealthMonitor(Clock clock, GovernorStore governor) {
        this.clock = clock;
        this.governor = governor;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        SelfHealingTriggered report = event.payload(EventCatalog.OS_SELF_HEALING_TRIGGERED);
        governor.reportSystem(report.component(), report.issue() + " (" + report.action() + ")", clock.instant());
        LOG.warn("governor: {} degraded: {} ({})", report.component(), report.issue(), report.action());
        return List.of();
    }
}
