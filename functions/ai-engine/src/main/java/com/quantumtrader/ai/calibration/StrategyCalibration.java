package com.quantumtrader.ai.calibration;

import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

/**
 * Fits a rule strategy's confidence on history: replays the strategy bar by bar through the same
 * {@link Strategy#decide} the engine calls, labels every intent by what the market did next, and fits Platt scaling
 * of the intent's raw score against the label. Deterministic: same bars, same parameters, same fit.
 * <ul>
 *   <li>Label 1 when a later bar traded at or beyond the target before any bar traded at or beyond the stop; a bar
 *       that touches both counts as the stop (its order inside the bar is unknown, so the conservative reading).</li>
 *   <li>An intent neither reached by the end of the data is left out (its outcome is unknown).</li>
 * </ul>
 */
public final class StrategyCalibration {

    private StrategyCalibration() {
    }

    /** One labelled decision: the strategy's raw score and whether its target traded before its stop. */
    public record Sample(double score, boolean reachedTarget) {
    }

    /** Every labelled intent the strategy makes over {@code series} (a whole, unbounded history, oldest first). */
    public static List<Sample> replay(StrategyFactory factory, StrategyParameters parameters, Instrument instrument,
                                      BarSeries series) {
        Strategy strategy = factory.create(series, instrument, parameters);
        List<Sample> samples = new ArrayList<>();
        int first = series.getBeginIndex() + factory.historyBars(parameters) - 1;
        for (int index = Math.max(first, series.getBeginIndex() + 1); index <= series.getEndIndex(); index++) {
            Optional<TradeIntent> intent = strategy.decide(index);
            if (intent.isPresent()) {
                outcome(series, index, intent.get()).ifPresent(reached ->
                        samples.add(new Sample(intent.get().score(), reached)));
            }
        }
        return samples;
    }

    /** Platt scaling fitted on the samples; refuses to fit on fewer than {@code minimumSamples}. */
    public static PlattScaling fit(List<Sample> samples, int minimumSamples) {
        if (samples.size() < minimumSamples) {
            throw new IllegalArgumentException("only " + samples.size() + " labelled intents, at least "
                    + minimumSamples + " are needed to fit a calibration");
        }
        double[] scores = new double[samples.size()];
        boolean[] outcomes = new boolean[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            scores[i] = samples.get(i).score();
            outcomes[i] = samples.get(i).reachedTarget();
        }
        return PlattScaling.fit(scores, outcomes);
    }

    /** Mean log loss of {@code calibration} on the samples: how well the probabilities fit the labels. */
    public static double logLoss(PlattScaling calibration, List<Sample> samples) {
        double sum = 0;
        for (Sample sample : samples) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, calibration.calibrate(sample.score())));
            sum -= sample.reachedTarget() ? Math.log(p) : Math.log(1 - p);
        }
        return samples.isEmpty() ? Double.NaN : sum / samples.size();
    }

    static Optional<Boolean> outcome(BarSeries series, int index, TradeIntent intent) {
        double stop = intent.stop().doubleValue();
        double target = intent.target().doubleValue();
        int sign = intent.side().sign();
        for (int later = index + 1; later <= series.getEndIndex(); later++) {
            Bar bar = series.getBar(later);
            double worst = (sign > 0 ? bar.getLowPrice() : bar.getHighPrice()).doubleValue();
            double best = (sign > 0 ? bar.getHighPrice() : bar.getLowPrice()).doubleValue();
            if (sign * (worst - stop) <= 0) {
                return Optional.of(false);
            }
            if (sign * (best - target) >= 0) {
                return Optional.of(true);
            }
        }
        return Optional.empty();
    }
}
