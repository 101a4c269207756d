package com.quantumtrader.bench;

import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.calibration.Calibrator;
import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.features.FeatureBar;
import com.quantumtrader.core.ml.features.IncrementalFeatures;
import com.quantumtrader.core.ml.labels.Direction;
import com.quantumtrader.core.ml.labels.Labeler;
import com.quantumtrader.core.ml.training.DatasetBuilder;
import com.quantumtrader.core.ml.training.LabelledRow;
import com.quantumtrader.core.ml.tribuo.TribuoArtifact;
import com.quantumtrader.core.ml.tribuo.TribuoProbabilityModel;
import com.quantumtrader.core.ml.tribuo.TribuoTrainer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model path of the AI engine and of training, on generated hourly bars:
 * <ul>
 *   <li>{@code featuresAndInferencePerBar}: one closed bar through bars-v1 ({@link IncrementalFeatures}) and the
 *       calibrated logistic model ({@link TribuoProbabilityModel}, read back from its artifact bytes); sampled, so
 *       JMH prints p50/p99 per bar;</li>
 *   <li>{@code inferencePerSignal}: the model alone on a ready feature vector;</li>
 *   <li>{@code trainOneYearOfHourlyBars}: features, labels and a fit on one symbol-year (8 760 bars), per trainer.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ModelBenchmark {

    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final LabelSpec LABEL = new LabelSpec(12, 1.5, 14, 12);
    private static final int YEAR = 8760;

    @Param({"logistic", "forest"})
    public String trainer;

    private List<FeatureBar> year;
    private TribuoProbabilityModel model;
    private IncrementalFeatures features;
    private double[] vector;
    private long next;

    @Setup
    public void setUp() {
        year = bars(YEAR, 1);
        List<LabelledRow> rows = DatasetBuilder.build(Map.of("BTCUSDT", year), new Labeler(LABEL, Direction.LONG));
        TribuoTrainer.Fitted fitted = new TribuoTrainer("logistic", Map.of(), 1).fit(BarsV1.SPEC.features(),
                rows.stream().map(LabelledRow::features).toList(), rows.stream().map(LabelledRow::label).toList(),
                START);
        byte[] bytes = new TribuoArtifact(BarsV1.SPEC.features(), fitted.standardizer(),
                Calibrator.fit("platt", new double[] {0.2, 0.4, 0.6, 0.8}, new boolean[] {false, true, false, true}),
                fitted.model()).toBytes();
        model = new TribuoProbabilityModel(new ModelManifest("bench", 1, TribuoProbabilityModel.KIND, BarsV1.SPEC,
                LABEL, START, START, "00", Map.of(), Map.of(), "{}"), bytes);
        features = new IncrementalFeatures("BTCUSDT");
        for (FeatureBar bar : year.subList(0, BarsV1.LOOKBACK)) {
            vector = features.onBar(bar);
        }
        next = BarsV1.LOOKBACK;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public double featuresAndInferencePerBar() {
        FeatureBar template = year.get((int) (next % YEAR));
        Instant open = START.plus(HOUR.multipliedBy(next++));
        FeatureBar bar = new FeatureBar("BTCUSDT", open, open.plus(HOUR), template.open(), template.high(),
                template.low(), template.close(), template.volume(), Double.NaN);
        return model.probability(features.onBar(bar));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public double inferencePerSignal() {
        return model.probability(vector);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Object trainOneYearOfHourlyBars() {
        List<LabelledRow> rows = DatasetBuilder.build(Map.of("BTCUSDT", year), new Labeler(LABEL, Direction.LONG));
        return new TribuoTrainer(trainer, Map.of(), 1).fit(BarsV1.SPEC.features(),
                rows.stream().map(LabelledRow::features).toList(), rows.stream().map(LabelledRow::label).toList(),
                START);
    }

    /** A seeded random walk with a little momentum (prices as doubles: these are feature inputs). */
    static List<FeatureBar> bars(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FeatureBar> bars = new ArrayList<>(count);
        double close = 30_000;
        double previous = 0;
        for (int i = 0; i < count; i++) {
            double r = 0.1 * previous + 0.01 * (random.nextDouble() - 0.5) * 3.4;
            double open = close;
            close = open * Math.exp(r);
            Instant openTime = START.plus(HOUR.multipliedBy(i));
            bars.add(new FeatureBar("BTCUSDT", openTime, openTime.plus(HOUR), open,
                    Math.max(open, close) * (1 + 0.002 * random.nextDouble()),
                    Math.min(open, close) * (1 - 0.002 * random.nextDouble()), close,
                    1000 * (0.5 + random.nextDouble()), Double.NaN));
            previous = r;
        }
        return bars;
    }
}
