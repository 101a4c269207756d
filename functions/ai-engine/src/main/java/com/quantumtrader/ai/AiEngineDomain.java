package com.quantumtrader.ai;

import com.quantumtrader.ai.signal.SignalOrchestrator;
import com.quantumtrader.ai.spi.StrategyCatalog;
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

    private final StrategyCatalog strategies;

    /** With the strategies on the class path (discovered by ServiceLoader, as in a Lambda). */
    public AiEngineDomain() {
        this(StrategyCatalog.builtIn());
    }

    /** With the given strategies: the local runtime's, including a user's {@code --strategies-jar}. */
    public AiEngineDomain(StrategyCatalog strategies) {
        this.strategies = strategies;
    }

    @Override
    public Domain domain() {
        return Domain.AI_ENGINE;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        return List.of(
                new HandlerDefinition("signal_orchestrator", Domain.AI_ENGINE, new SignalOrchestrator(services, strategies)),
                new HandlerDefinition("model_supervisor", Domain.AI_ENGINE, new ModelSupervisor(services)),
                new HandlerDefinition("meta_strategy_selector", Domain.AI_ENGINE, new MetaStrategySelector(services)));
    }
}
