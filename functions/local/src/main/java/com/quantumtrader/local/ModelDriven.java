package com.quantumtrader.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.ai.modelstrategy.ModelStrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code train} runs its model through the real backtest: the shipped policy trading the run's symbols with only
 * {@code model_driven} switched on, whose default model is the champion of its slot; the parameters are
 * model_driven's defaults (the policy cannot set a strategy's parameters until the strategy plan section exists).
 */
final class ModelDriven {

    static final String SLOT = ModelStrategyFactory.ID;
    private static final StrategyParameters DEFAULTS = new ModelStrategyFactory().validate(Map.of());
    static final double THRESHOLD = DEFAULTS.decimal("threshold");
    static final double STOP_ATR = DEFAULTS.decimal("stop_atr");
    static final double TARGET_ATR = DEFAULTS.decimal("target_atr");

    private ModelDriven() {
    }

    static Policy policy(List<String> symbols) {
        ObjectNode json = (ObjectNode) EventJson.tree(RunInstruments.withUniverse(PolicyDefaults.load(), symbols));
        json.putObject("strategies").put(ModelStrategyFactory.ID, true);
        return PolicyValidator.validate(json);
    }

    /** Whether the spec's trade settings are the ones the backtest used, said plainly in the report. */
    static String specNote(TrainingSpec spec) {
        boolean same = spec.threshold() == THRESHOLD && spec.stopAtr() == STOP_ATR && spec.targetAtr() == TARGET_ATR;
        return same ? "the spec's trade settings are the same"
                : String.format(Locale.ROOT, "the spec's trade settings (threshold %s, stop %s, target %s ATR) are "
                        + "not applied to this row", spec.threshold(), spec.stopAtr(), spec.targetAtr());
    }
}
