package com.quantumtrader.ai.signal;

import com.quantumtrader.ai.signal.model.PlanForBar;
import com.quantumtrader.ai.signal.model.PlannedStrategy;
import com.quantumtrader.ai.signal.model.StrategyPlan;
import com.quantumtrader.ai.signal.model.StrategyPlanSection;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.strategy.model.StrategyProfile;
import com.quantumtrader.core.policy.Policy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategies running per symbol under the current policy's {@code strategy_plan} and strategy variant, worked
 * out again only when either changes (the policy reader hands out the same instance until the document changes).
 */
final class StrategyPlans {

    private final StrategyCatalog catalog;
    private final Map<String, List<PlannedStrategy>> running = new HashMap<>();
    private Policy policy;
    private StrategyProfile active;
    private StrategyPlan plan;

    StrategyPlans(StrategyCatalog catalog) {
        this.catalog = catalog;
    }

    synchronized List<PlannedStrategy> running(Policy current, StrategyProfile variant, String symbol) {
        if (current != policy || variant != active) {
            // resolved before anything is cached: a plan naming a strategy this engine lacks fails every bar loudly
            plan = StrategyPlanSection.resolve(current.section(StrategyPlanSection.SECTION), catalog);
            policy = current;
            active = variant;
            running.clear();
        }
        return running.computeIfAbsent(symbol,
                s -> PlanForBar.running(plan.forSymbol(s), variant, current, catalog));
    }
}
