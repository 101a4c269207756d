package com.quantumtrader.core.ml.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import com.quantumtrader.core.ml.tribuo.TribuoArtifact;
import com.quantumtrader.core.ml.tribuo.TribuoTrainer;
import java.time.Instant;
import java.util.SplittableRandom;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.onnx.OnnxTestModels;
import com.quantumtrader.core.ml.registry.KeyValueModelRegistry;
import com.quantumtrader.core.ml.registry.ModelRegistryException;
import com.quantumtrader.core.ml.registry.RegistryLimits;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {

    private final ModelRegistry registry = new KeyValueModelRegistry(new InMemoryKeyValueStore(),
            RegistryLimits.DEFAULT);
    private final AtomicInteger loads = new AtomicInteger();

    /** A kind whose model answers a constant, counting how often it is loaded. */
    private ModelLoader countingLoader() {
        return new ModelLoader(registry, Map.of("constant", (manifest, artifact) -> {
            loads.incrementAndGet();
            if (artifact.length == 0) {
                throw new IllegalArgumentException("empty artifact");
            }
            return new ConstantModel(manifest, artifact[0] / 100.0);
        }));
    }

    @Test
    void loadsEachVersionOnceAndSharesItAcrossThreads() throws Exception {
        registry.register(constant("m", 1), new byte[] {40});
        ModelLoader loader = countingLoader();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ProbabilityModel>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> {
                start.await();
                return loader.load("m@1");
            });
        }
        List<Future<ProbabilityModel>> results = new ArrayList<>();
        calls.forEach(call -> results.add(threads.submit(call)));
        start.countDown();

        for (Future<ProbabilityModel> result : results) {
            assertThat(result.get()).isSameAs(loader.load("m@1"));
        }
        threads.shutdown();
        assertThat(loads).hasValue(1);
    }

    @Test
    void servesTheChampionAndPicksUpAPromotionWithoutReloadingTheOldOne() {
        registry.register(constant("m", 1), new byte[] {40});
        registry.register(constant("m", 2), new byte[] {60});
        ModelLoader loader = countingLoader();
        assertThat(loader.champion("trend")).isEmpty();

        registry.promote("trend", "m", 1);
        assertThat(loader.champion("trend").orElseThrow().probability(new double[2])).isEqualTo(0.4);
        registry.promote("trend", "m", 2);
        assertThat(loader.champion("trend").orElseThrow().probability(new double[2])).isEqualTo(0.6);
        registry.promote("trend", "m", 1);
        loader.champion("trend");

        assertThat(loads).hasValue(2);
        assertThat(loader.loadedVersions()).containsExactlyInAnyOrder("m@1", "m@2");
    }

    @Test
    void refusesUnknownVersionsAndKindsItCannotServeClearly() {
        registry.register(OnnxTestModels.manifest("x", 1, "sklearn-pickle"), new byte[] {1});
        ModelLoader loader = countingLoader();

        assertThatThrownBy(() -> loader.load("nope@3")).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("model nope@3 is not in the registry");
        assertThatThrownBy(() -> loader.load("x@1")).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("of kind 'sklearn-pickle', which this runtime cannot serve (it serves [constant])");
        assertThatThrownBy(() -> loader.load("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id@version");
    }

    @Test
    void aVersionThatFailsToLoadIsNotCached() {
        registry.register(constant("broken", 1), new byte[0]);
        ModelLoader loader = countingLoader();

        assertThatThrownBy(() -> loader.load("broken@1")).hasMessageContaining("empty artifact");
        assertThatThrownBy(() -> loader.load("broken@1")).hasMessageContaining("empty artifact");
        assertThat(loads).hasValue(2);
        assertThat(loader.loadedVersions()).isEmpty();
    }

    @Test
    void servesAnImportedOnnxChampionWhenOnnxRuntimeIsOnTheClassPath() {
        registry.register(OnnxTestModels.manifest("imported", 1), OnnxTestModels.onnx());
        registry.promote("model", "imported", 1);

        ProbabilityModel champion = ModelLoader.withAvailableKinds(registry).champion("model").orElseThrow();

        assertThat(champion.manifest().reference()).isEqualTo("imported@1");
        assertThat(champion.probability(new double[] {3, -3, 0, 0})).isGreaterThan(0.9);
    }

    @Test
    void servesAChampionTrainedHereWithTribuo() {
        FeatureSpec spec = new FeatureSpec("test", 1, List.of("x", "y"));
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        SplittableRandom random = new SplittableRandom(1);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            double x = random.nextDouble(-1, 1);
            double y = random.nextDouble(-1, 1);
            rows.add(new double[] {x, y});
            labels.add(x + y > 0);
        }
        TribuoTrainer.Fitted fitted = new TribuoTrainer("logistic", Map.of(), 7).fit(spec.features(), rows, labels, t);
        byte[] artifact = new TribuoArtifact(spec.features(), fitted.standardizer(), new PlattScaling(-4, 2),
                fitted.model()).toBytes();
        registry.register(new ModelManifest("here", 1, "tribuo", spec, new LabelSpec(4, 1, 14, 10), t, t, "00",
                Map.of(), Map.of(), "{}"), artifact);
        registry.promote("model", "here", 1);

        ProbabilityModel champion = ModelLoader.withAvailableKinds(registry).champion("model").orElseThrow();

        assertThat(champion.probability(new double[] {0.9, 0.9})).isGreaterThan(champion.probability(
                new double[] {-0.9, -0.9}));
    }

    private static ModelManifest constant(String id, int version) {
        return OnnxTestModels.manifest(id, version, "constant");
    }

    private record ConstantModel(ModelManifest manifest, double value) implements ProbabilityModel {
        @Override
        public double probability(double[] features) {
            return value;
        }
    }
}
