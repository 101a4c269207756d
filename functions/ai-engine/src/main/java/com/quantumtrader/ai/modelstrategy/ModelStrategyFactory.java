package com.quantumtrader.ai.modelstrategy;

import com.quantumtrader.ai.spi.ParameterSpec;
import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.features.BarsV1;
import java.util.List;
import org.ta4j.core.BarSeries;

/**
 * {@code model_driven}: the bars-v1 features of the last closed bar, a trained model's calibrated probability that
 * its labelled move happens, and a trade in the model's direction when that probability reaches {@code threshold};
 * stop and target are ATR multiples from the close. The intent's confidence is the model's probability and its
 * {@code producedBy} the model version. The models come from the runtime's registry ({@link ServedModels}).
 */
public final class ModelStrategyFactory implements StrategyFactory {

    public static final String ID = "model_driven";

    private final ServedModels models;

    /** As {@link java.util.ServiceLoader} creates it: no registry; the AI engine's domain replaces it by one with. */
    public ModelStrategyFactory() {
        this(ServedModels.none());
    }

    /** Serving the runtime's registry. */
    public ModelStrategyFactory(ServedModels models) {
        this.models = models;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Trades a trained model's calibrated probability (bars-v1 features) above a threshold";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.text("model", "champion:" + ID, "model version id@version, or champion:<slot>"),
                ParameterSpec.decimal("threshold", 0.55, 0.5, 0.99, "lowest probability that trades"),
                ParameterSpec.decimal("stop_atr", 1.5, 0.1, 20, "stop distance from the close in ATR(14)"),
                ParameterSpec.decimal("target_atr", 1.5, 0.1, 20, "target distance from the close in ATR(14)"));
    }

    @Override
    public int historyBars(StrategyParameters parameters) {
        return BarsV1.LOOKBACK;
    }

    @Override
    public Strategy create(BarSeries series, Instrument instrument, StrategyParameters parameters) {
        ProbabilityModel model = models.load(parameters.text("model"));
        return new ModelStrategy(series, instrument, model, parameters.decimal("threshold"),
                parameters.decimal("stop_atr"), parameters.decimal("target_atr"));
    }
}
