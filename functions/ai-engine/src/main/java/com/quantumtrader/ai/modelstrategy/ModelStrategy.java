package com.quantumtrader.ai.modelstrategy;

import com.quantumtrader.ai.spi.Prices;
import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.features.FeatureBar;
import com.quantumtrader.core.ml.tribuo.TribuoProbabilityModel;
import com.quantumtrader.events.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

/**
 * The model-driven strategy on one symbol. Features come from {@link BarsV1#vector}, the function training used,
 * over the series' last {@link BarsV1#LOOKBACK} bars: a finite window, so a series rebuilt from the stored window
 * gives the same bits as an unbroken run.
 */
final class ModelStrategy implements Strategy {

    private final BarSeries series;
    private final Instrument instrument;
    private final ProbabilityModel model;
    private final double threshold;
    private final double stopAtr;
    private final double targetAtr;
    private final Side side;

    ModelStrategy(BarSeries series, Instrument instrument, ProbabilityModel model, double threshold, double stopAtr,
                  double targetAtr) {
        this.series = series;
        this.instrument = instrument;
        this.model = model;
        this.threshold = threshold;
        this.stopAtr = stopAtr;
        this.targetAtr = targetAtr;
        String direction = model.manifest().hyperparameters().getOrDefault("direction", "long");
        this.side = "short".equals(direction) ? Side.SHORT : Side.LONG;
    }

    @Override
    public Optional<TradeIntent> decide(int index) {
        List<FeatureBar> window = window(series, index);
        if (window.size() < BarsV1.LOOKBACK) {
            return Optional.empty();
        }
        double[] features = BarsV1.vector(window);
        double probability = model.probability(features);
        if (!(probability >= threshold)) {
            return Optional.empty();
        }
        double close = window.get(window.size() - 1).close();
        double atr = BarsV1.averageTrueRange(window, 14);
        int sign = side == Side.LONG ? 1 : -1;
        double score = model instanceof TribuoProbabilityModel tribuo ? tribuo.rawScore(features) : probability;
        return Optional.of(new TradeIntent(side, probability, score,
                Prices.toTick(instrument, close - sign * stopAtr * atr),
                Prices.toTick(instrument, close + sign * targetAtr * atr), model.manifest().reference()));
    }

    /** The last {@link BarsV1#LOOKBACK} bars up to {@code index}, as the feature code reads them. */
    static List<FeatureBar> window(BarSeries series, int index) {
        int from = Math.max(series.getBeginIndex(), index - BarsV1.LOOKBACK + 1);
        List<FeatureBar> window = new ArrayList<>(index - from + 1);
        for (int i = from; i <= index; i++) {
            Bar bar = series.getBar(i);
            window.add(new FeatureBar(series.getName(), bar.getBeginTime().toInstant(), bar.getEndTime().toInstant(),
                    bar.getOpenPrice().doubleValue(), bar.getHighPrice().doubleValue(),
                    bar.getLowPrice().doubleValue(), bar.getClosePrice().doubleValue(),
                    bar.getVolume().doubleValue(), Double.NaN));
        }
        return window;
    }
}
