package com.quantumtrader.risk.governor;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.risk.store.GovernorStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ai.model.degraded}: the model's signals are scaled by the governor from now on. Publishes nothing. */
public final class ModelHealthMonitor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHealthMonitor.class);

    private final Clock clock;
    private final GovernorStore governor;

    public ModelHealthMonitor(Clock clock, GovernorStore governor) {
        this.clock = clock;
        this.governor = governor;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        ModelDegraded degraded = event.payload(EventCatalog.AI_MODEL_DEGRADED);
        governor.reportModel(degraded.modelId(), clock.instant());
        LOG.warn("governor: model {} degraded ({} {} < {})", degraded.modelId(), degraded.metric(), degraded.value(),
                degraded.threshold());
        return List.of();
    }
}
