package com.quantumtrader.os.flow;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.os.universe.ActiveUniverse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code signal_flow_monitor}: watches how often the AI engine signals per symbol and throttles flooding symbols
 * out of the active universe.
 * <ul>
 *   <li>Window: the signals of the last {@link #WINDOW} (6 h) of clock time per symbol. A crossover strategy on
 *       hourly bars that signals more than {@value #MAX_SIGNALS} times in 6 h is whipsawing, not trending.</li>
 *   <li>Flood: more than {@value #MAX_SIGNALS} signals of a symbol in the window publishes
 *       {@code os.self_healing.triggered} (component {@code ai_engine}, action {@code THROTTLE_SYMBOL}) once per
 *       episode; the episode ends when the count is back to at most {@value #MAX_SIGNALS} (checked for every
 *       symbol on each signal).</li>
 *   <li>The throttled symbols leave the active universe, which {@link ActiveUniverse} owns and publishes
 *       ({@code os.universe.updated}) when it changes, also when the policy's universe changed since.</li>
 *   <li>A signal id already in the window is a redelivery and changes nothing.</li>
 * </ul>
 */
public final class SignalFlowMonitor implements EventHandler {

    static final Duration WINDOW = Duration.ofHours(6);
    static final int MAX_SIGNALS = 3;
    static final String KEY = "flow";

    private static final Logger LOG = LoggerFactory.getLogger(SignalFlowMonitor.class);

    private final DomainServices services;
    private final ActiveUniverse universe;

    public SignalFlowMonitor(DomainServices services, ActiveUniverse universe) {
        this.services = services;
        this.universe = universe;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        SignalGenerated signal = event.payload(AI_SIGNAL_GENERATED);
        Instant now = services.clock().instant();
        FlowState state = services.state().get(KEY)
                .map(json -> EventJson.read(json, FlowState.class))
                .orElseGet(FlowState::empty);
        if (state.recent().getOrDefault(signal.symbol(), List.of()).stream()
                .anyMatch(s -> s.signalId().equals(signal.signalId()))) {
            return List.of();
        }
        Instant horizon = now.minus(WINDOW);
        Map<String, List<FlowState.Seen>> recent = new TreeMap<>();
        state.recent().forEach((symbol, seen) -> {
            List<FlowState.Seen> kept = seen.stream().filter(s -> s.at().isAfter(horizon)).toList();
            if (!kept.isEmpty()) {
                recent.put(symbol, kept);
            }
        });
        List<FlowState.Seen> mine = new ArrayList<>(recent.getOrDefault(signal.symbol(), List.of()));
        mine.add(new FlowState.Seen(signal.signalId(), now));
        recent.put(signal.symbol(), mine);

        List<Emit> emits = new ArrayList<>();
        SortedSet<String> throttled = universe.throttled();
        for (String symbol : new TreeSet<>(throttled)) {
            if (recent.getOrDefault(symbol, List.of()).size() <= MAX_SIGNALS) {
                LOG.info("{} signal flow back to normal: throttle released", symbol);
                throttled.remove(symbol);
            }
        }
        for (Map.Entry<String, List<FlowState.Seen>> entry : recent.entrySet()) {
            int count = entry.getValue().size();
            if (count > MAX_SIGNALS && throttled.add(entry.getKey())) {
                String issue = "signal flood on " + entry.getKey() + ": " + count + " signals within "
                        + WINDOW.toHours() + "h (max " + MAX_SIGNALS + ")";
                LOG.warn(issue);
                emits.add(Emit.of(OS_SELF_HEALING_TRIGGERED,
                        new SelfHealingTriggered("ai_engine", issue, "THROTTLE_SYMBOL")));
            }
        }
        // The window first: should the process die before the universe is saved, the redelivered signal is a
        // duplicate, and the next signal finds the flood again and throttles then.
        services.state().put(KEY, EventJson.write(new FlowState(recent)));
        universe.throttle(throttled).ifPresent(emits::add);
        return emits;
    }
}
