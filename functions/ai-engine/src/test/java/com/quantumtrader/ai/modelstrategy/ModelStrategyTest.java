package com.quantumtrader.ai.modelstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.ai.spi.StrategySeries;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.MlFixtures;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.serving.ModelLoader;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.KeyValueModelRegistry;
import com.quantumtrader.core.ml.registry.RegistryLimits;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.ml.calibration.PlattScaling;
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
import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;

class ModelStrategyTest {

    private static final Instrument BTC = InstrumentCatalog.bundled().find("BTCUSDT").orElseThrow();
    private static final LabelSpec LABEL = new LabelSpec(6, 1.0, 14, 10);

    /** Generated bars at BTC's price level and tick, as BigDecimal like the platform's klines. */
    private static List<FeatureBar> bars(int n) {
        List<FeatureBar> raw = MlFixtures.hourlyBars("BTCUSDT", n, 0.3, 21);
        List<FeatureBar> ticked = new ArrayList<>();
        for (FeatureBar b : raw) {
            ticked.add(new FeatureBar("BTCUSDT", b.openTime(), b.closeTime(), tick(b.open()), tick(b.high()),
                    tick(b.low()), tick(b.close()), new BigDecimal(b.volume()).setScale(3, BigDecimal.ROUND_HALF_UP)
                    .doubleValue(), Double.NaN));
        }
        return ticked;
    }

    private static double tick(double price) {
        return new BigDecimal(price * 500).setScale(1, BigDecimal.ROUND_HALF_UP).doubleValue();
    }

    private static BarSeries series(List<FeatureBar> bars) {
        BarSeries series = StrategySeries.create("BTCUSDT", 500);
        bars.forEach(b -> StrategySeries.append(series, b.openTime(), b.closeTime(), BigDecimal.valueOf(b.open()),
                BigDecimal.valueOf(b.high()), BigDecimal.valueOf(b.low()), BigDecimal.valueOf(b.close()),
                BigDecimal.valueOf(b.volume())));
        return series;
    }

    private static ServedModels installModel(List<FeatureBar> bars) {
        List<LabelledRow> rows = DatasetBuilder.build(Map.of("BTCUSDT", bars), new Labeler(LABEL, Direction.LONG));
        TribuoTrainer.Fitted fitted = new TribuoTrainer("logistic", Map.of(), 1).fit(BarsV1.SPEC.features(),
                rows.stream().map(LabelledRow::features).toList(), rows.stream().map(LabelledRow::label).toList(),
                MlFixtures.START);
        TribuoArtifact artifact = new TribuoArtifact(BarsV1.SPEC.features(), fitted.standardizer(),
                new PlattScaling(-4, 2), fitted.model());
        ModelManifest manifest = new ModelManifest("m", 1, TribuoProbabilityModel.KIND, BarsV1.SPEC, LABEL,
                MlFixtures.START, MlFixtures.START, "00", Map.of("direction", "long"), Map.of(), "{}");
        ModelRegistry registry = new KeyValueModelRegistry(new InMemoryKeyValueStore(), RegistryLimits.DEFAULT);
        registry.register(manifest, artifact.toBytes());
        registry.promote(ModelStrategyFactory.ID, "m", 1);
        return new ServedModels(ModelLoader.withAvailableKinds(registry));
    }

    @Test
    void servingFeaturesFromTheEngineSeriesAreTheTrainingFeatures() {
        List<FeatureBar> bars = bars(300);
        BarSeries series = series(bars);
        IncrementalFeatures training = new IncrementalFeatures("BTCUSDT");
        List<double[]> trained = new ArrayList<>();
        bars.forEach(b -> trained.add(training.onBar(b)));

        for (int i = BarsV1.LOOKBACK; i < bars.size(); i++) {
            double[] served = BarsV1.vector(ModelStrategy.window(series, i));
            for (int j = 0; j < served.length; j++) {
                assertThat(Double.doubleToRawLongBits(served[j])).as("bar %d feature %s", i,
                        BarsV1.SPEC.features().get(j)).isEqualTo(Double.doubleToRawLongBits(trained.get(i)[j]));
            }
        }
    }

    @Test
    void tradesTheModelsCalibratedProbabilityWithItsVersionAndAtrStops() {
        List<FeatureBar> bars = bars(1500);
        ServedModels models = installModel(bars);
        ModelStrategyFactory factory = (ModelStrategyFactory) StrategyCatalog.builtIn()
                .replacing(new ModelStrategyFactory(models)).find(ModelStrategyFactory.ID).orElseThrow();
        StrategyParameters parameters = factory.validate(Map.of("model", "m@1", "threshold", 0.5));
        // as the engine runs it: a bounded series, each closed bar appended, then a decision at the newest index
        BarSeries series = series(bars.subList(0, 1000));
        var strategy = factory.create(series, BTC, parameters);
        var served = models.load("m@1");

        int intents = 0;
        for (int i = 1000; i < 1500; i++) {
            FeatureBar b = bars.get(i);
            StrategySeries.append(series, b.openTime(), b.closeTime(), BigDecimal.valueOf(b.open()),
                    BigDecimal.valueOf(b.high()), BigDecimal.valueOf(b.low()), BigDecimal.valueOf(b.close()),
                    BigDecimal.valueOf(b.volume()));
            assertThat(series.getEndIndex()).isEqualTo(i);
            Optional<TradeIntent> intent = strategy.decide(i);
            double p = served.probability(BarsV1.vector(ModelStrategy.window(series, i)));
            assertThat(intent.isPresent()).as("bar %d, p %f", i, p).isEqualTo(p >= 0.5);
            if (intent.isPresent()) {
                intents++;
                TradeIntent t = intent.get();
                assertThat(t.confidence()).isEqualTo(p);
                assertThat(t.side()).isEqualTo(Side.LONG);
                assertThat(t.producedBy()).isEqualTo("m@1");
                assertThat(t.inconsistencyWith(BigDecimal.valueOf(bars.get(i).close()), BTC.tickSize())).isNull();
            }
        }
        assertThat(intents).isPositive().isLessThan(500);
    }

    @Test
    void refusesAModelTheRegistryDoesNotHoldOrAMalformedReference() {
        ServedModels models = installModel(bars(400));

        assertThatThrownBy(() -> models.load("m@2")).hasMessageContaining("model m@2 is not in the registry");
        assertThatThrownBy(() -> models.load("nonsense")).hasMessageContaining("must be id@version");
        assertThat(models.load("champion:model_driven").manifest().reference()).isEqualTo("m@1");
        assertThatThrownBy(() -> models.load("champion:other")).hasMessageContaining("no champion for strategy slot other");
    }

    @Test
    void aRuntimeWithoutARegistryRefusesEveryModelByName() {
        ModelStrategyFactory discovered = (ModelStrategyFactory) StrategyCatalog.builtIn().find(ModelStrategyFactory.ID)
                .orElseThrow();

        assertThatThrownBy(() -> discovered.create(series(bars(300)), BTC, discovered.validate(Map.of("model", "m@1"))))
                .hasMessageContaining("model m@1: this runtime has no model registry");
    }
}
