package com.quantumtrader.os;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.events.Domain;
import com.quantumtrader.os.flow.SignalFlowMonitor;
import com.quantumtrader.os.healing.DriftHealer;
import com.quantumtrader.os.regime.RegimeDetector;
import com.quantumtrader.os.supervision.PerformanceSupervisor;
import com.quantumtrader.os.universe.ActiveUniverse;
import com.quantumtrader.os.universe.UniverseSelector;
import java.util.List;

/**
 * The core OS: classifies market regimes ({@code regime_detector}), watches the signal flow
 * ({@code signal_flow_monitor}) and turns portfolio's liquidity ranking ({@code universe_selector}) into the active
 * universe, both through the one {@link ActiveUniverse}; supervises the account's snapshots
 * ({@code performance_supervisor}) and heals drifting strategies ({@code drift_healer}).
 */
public final class CoreOsDomain implements DomainModule {

    public CoreOsDomain() {
        // discovered by ServiceLoader
    }

    @Override
    public Domain domain() {
        return Domain.CORE_OS;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        ActiveUniverse universe = new ActiveUniverse(services);
        return List.of(
                new HandlerDefinition("signal_flow_monitor", Domain.CORE_OS, new SignalFlowMonitor(services, universe)),
                new HandlerDefinition("universe_selector", Domain.CORE_OS, new UniverseSelector(universe)),
                new HandlerDefinition("performance_supervisor", Domain.CORE_OS, new PerformanceSupervisor(services)),
                new HandlerDefinition("drift_healer", Domain.CORE_OS, new DriftHealer(services)),
                new HandlerDefinition("regime_detector", Domain.CORE_OS, new RegimeDetector(services)));
    }
}
