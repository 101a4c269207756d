package com.quantumtrader.ai;

import com.quantumtrader.ai.signal.SignalOrchestrator;
import com.quantumtrader.ai.strategy.MetaStrategySelector;
import com.quantumtrader.ai.supervision.ModelSupervisor;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.events.Domain;
import java.util.List;

/**
 * The AI engine: turns closed bars into signals ({@code signal_orchestrator}), watches each model's live results
 * ({@code model_supervisor}) and picks the strategy by the account's drawdown ({@code meta_strategy_selector}).
 */
public final class AiEngineDomain implements DomainModule {

    public AiEngineDomain() {
        // discovered by ServiceLoader
    }

    @Override
    public Domain domain() {
        return Domain.AI_ENGINE;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        return List.of(
                new HandlerDefinition("signal_orchestrator", Domain.AI_ENGINE, new SignalOrchestrator(services)),
                new HandlerDefinition("model_supervisor", Domain.AI_ENGINE, new ModelSupervisor(services)),
                new HandlerDefinition("meta_strategy_selector", Domain.AI_ENGINE, new MetaStrategySelector(services)));
    }
}
