package com.quantumtrader.learning;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.events.Domain;
import com.quantumtrader.learning.drift.DriftDetector;
import com.quantumtrader.learning.retraining.RetrainingTrigger;
import com.quantumtrader.learning.shadow.ShadowEvaluator;
import java.util.List;

/**
 * Learning: records every closed trade and tests each strategy's recent win rate against its history
 * ({@code drift_detector}), refits degraded models from those records ({@code retraining_trigger}) and promotes a
 * refit that beats the live model out of sample ({@code shadow_evaluator}).
 */
public final class LearningDomain implements DomainModule {

    public LearningDomain() {
        // discovered by ServiceLoader
    }

    @Override
    public Domain domain() {
        return Domain.LEARNING;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        return List.of(
                new HandlerDefinition("drift_detector", Domain.LEARNING, new DriftDetector(services)),
                new HandlerDefinition("retraining_trigger", Domain.LEARNING, new RetrainingTrigger(services)),
                new HandlerDefinition("shadow_evaluator", Domain.LEARNING, new ShadowEvaluator(services)));
    }
}
