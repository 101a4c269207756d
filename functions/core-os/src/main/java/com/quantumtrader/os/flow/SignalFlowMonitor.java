package com.quantumtrader.os.flow;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.os.flow.model.FlowState;
import com.quantumtrader.os.flow.model.SignalFlow;
import com.quantumtrader.os.store.FlowWindows;
import com.quantumtrader.os.universe.ActiveUniverse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code signal_flow_monitor}: counts the AI engine's signals per symbol and throttles flooding symbols out of the
 * active universe ({@link SignalFlow} decides; {@link ActiveUniverse} owns and publishes the universe).
 * Publishes {@code os.self_healing.triggered} (component {@code ai_engine}, action {@code THROTTLE_SYMBOL}) for each
 * symbol that starts flooding. A signal id already in the window is a redelivery and changes nothing.
 */
public final class SignalFlowMonitor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SignalFlowMonitor.class);

    private final DomainServices services;
    private final FlowWindows windows;
    private final ActiveUniverse universe;

    public SignalFlowMonitor(DomainServices services, ActiveUniverse universe) {
        this.services = services;
        this.windows = new FlowWindows(services.state());
        this.universe = universe;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        SignalGenerated signal = event.payload(AI_SIGNAL_GENERATED);
        FlowState window = windows.load();
        if (window.hasSeen(signal.symbol(), signal.signalId())) {
            return List.of();
        }
        SignalFlow.Observation seen = SignalFlow.observe(window, signal.symbol(), signal.signalId(),
                services.clock().instant(), universe.throttled());
        seen.released().forEach(symbol -> LOG.info("{} signal flow back to normal: throttle released", symbol));
        List<Emit> emits = new ArrayList<>();
        for (SignalFlow.Flood flood : seen.floods()) {
            LOG.warn(flood.issue());
            emits.add(Emit.of(OS_SELF_HEALING_TRIGGERED,
                    new SelfHealingTriggered("ai_engine", flood.issue(), "THROTTLE_SYMBOL")));
        }
        // The window first: should the process die before the universe is saved, the redelivered signal is a
        // duplicate, and the next signal finds the flood again and throttles then.
        windows.save(seen.window());
        universe.throttle(seen.throttled()).ifPresent(emits::add);
        return emits;
    }
}
