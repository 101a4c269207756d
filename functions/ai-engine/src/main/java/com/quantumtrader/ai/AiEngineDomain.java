package com.quantumtrader.ai;

import com.quantumtrader.ai.modelstrategy.ModelStrategyFactory;
import com.quantumtrader.ai.modelstrategy.ServedModels;
import com.quantumtrader.ai.signal.SignalOrchestrator;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.store.DeploymentModels;
import com.quantumtrader.ai.strategy.MetaStrategySelector;
import com.quantumtrader.ai.supervision.ModelSupervisor;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.serving.ModelLoader;
import com.quantumtrader.events.Domain;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The AI engine: turns closed bars into signals ({@code signal_orchestrator}), watches each model's live results
 * ({@code model_supervisor}) and picks the strategy by the account's drawdown ({@code meta_strategy_selector}).
 *
 * <p>The one place model serving is wired: {@code model_driven} serves the models of the runtime's model registry
 * through a {@link ModelLoader} (each version loaded once). The registry is the one given (the local runtime's: Redis
 * for paper, the run's in-memory one for a backtest) or, in a Lambda, the deployment's Redis registry on the same
 * connections as the domain's state. Without either, model_driven refuses every model by name.
 */
public final class AiEngineDomain implements DomainModule {

    private final StrategyCatalog strategies;
    private final Optional<ModelRegistry> models;

    /** With the strategies on the class path (discovered by ServiceLoader, as in a Lambda). */
    public AiEngineDomain() {
        this(StrategyCatalog.builtIn());
    }

    /** With the given strategies, serving models from the registry beside the domain's Redis state (if it is Redis). */
    public AiEngineDomain(StrategyCatalog strategies) {
        this.strategies = strategies;
        this.models = Optional.empty();
    }

    /** With the given strategies, serving the models of {@code models}: the local runtime's, incl. {@code --models}. */
    public AiEngineDomain(StrategyCatalog strategies, ModelRegistry models) {
        this.strategies = strategies;
        this.models = Optional.of(Objects.requireNonNull(models, "models"));
    }

    @Override
    public Domain domain() {
        return Domain.AI_ENGINE;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        StrategyCatalog serving = strategies.replacing(new ModelStrategyFactory(servedModels(services)));
        return List.of(
                new HandlerDefinition("signal_orchestrator", Domain.AI_ENGINE, new SignalOrchestrator(services, serving)),
                new HandlerDefinition("model_supervisor", Domain.AI_ENGINE, new ModelSupervisor(services)),
                new HandlerDefinition("meta_strategy_selector", Domain.AI_ENGINE, new MetaStrategySelector(services)));
    }

    private ServedModels servedModels(DomainServices services) {
        if (models.isPresent()) {
            return new ServedModels(ModelLoader.withAvailableKinds(models.get()));
        }
        // shared: the champions SnapStart primed before the checkpoint stay loaded after the restore
        return DeploymentModels.besideState(services.state())
                .map(registry -> new ServedModels(ModelLoader.shared(registry)))
                .orElseGet(ServedModels::none);
    }
}
