package com.quantumtrader.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.ai.modelstrategy.ModelStrategyFactory;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code train} runs its model through the real backtest: the shipped policy trading the run's symbols whose
 * strategy plan runs only {@code model_driven} on every symbol, serving the given version with the spec's trade
 * settings (threshold, stop and target in ATR).
 */
final class ModelDriven {

    private ModelDriven() {
    }

    /**
     * The spec's trade settings as model_driven's parameters, checked against what it declares.
     *
     * @throws IllegalArgumentException naming the parameter when a setting is outside model_driven's bounds
     */
    static Map<String, Object> parameters(String model, TrainingSpec spec) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", model);
        parameters.put("threshold", spec.threshold());
        parameters.put("stop_atr", spec.stopAtr());
        parameters.put("target_atr", spec.targetAtr());
        new ModelStrategyFactory().validate(parameters);
        return parameters;
    }

    static Policy policy(List<String> symbols, Map<String, Object> parameters) {
        ObjectNode json = (ObjectNode) EventJson.tree(RunInstruments.withUniverse(PolicyDefaults.load(), symbols));
        json.putObject("strategies").put(ModelStrategyFactory.ID, true);
        ObjectNode plan = json.putObject("strategy_plan");
        ObjectNode entry = plan.putArray("default").addObject().put("strategy", ModelStrategyFactory.ID);
        entry.set("parameters", EventJson.tree(parameters));
        plan.putObject("symbols");
        return PolicyValidator.validate(json);
    }
}
