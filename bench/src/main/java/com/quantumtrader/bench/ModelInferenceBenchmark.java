package com.quantumtrader.bench;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.onnx.OnnxProvenance;
import com.quantumtrader.core.ml.onnx.OnnxSidecar;
import com.quantumtrader.core.ml.registry.KeyValueModelRegistry;
import com.quantumtrader.core.ml.registry.RegistryLimits;
import com.quantumtrader.core.ml.serving.ModelLoader;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Inference per signal of a served model, as the AI engine pays it: one feature vector in, one probability out.
 * <ul>
 *   <li>{@code onnx}: an imported model (a 16-feature logistic regression exported with tribuo-onnx) through ONNX
 *       Runtime, {@link com.quantumtrader.core.ml.onnx.OnnxProbabilityModel};</li>
 *   <li>{@code tribuoDirect}: the same Tribuo model predicting in Java (reference: what ONNX costs on top);</li>
 *   <li>{@code championThenOnnx}: the champion looked up in the registry (in memory here; in Lambda a Redis HGET)
 *       and served from the loader's cache, then the ONNX inference: the whole per-signal model path.</li>
 * </ul>
 * SampleTime mode: JMH reports p50/p99 per call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class ModelInferenceBenchmark {

    private static final int FEATURES = 16;

    private ProbabilityModel onnx;
    private LinearSGDModel tribuo;
    private ModelLoader loader;
    private String[] names;
    private double[][] vectors;
    private int next;

    @Setup(Level.Trial)
    public void trainExportAndRegister() {
        names = new String[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            names[i] = String.format("f%02d", i);
        }
        SplittableRandom random = new SplittableRandom(42);
        LabelFactory labels = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double[] x = vector(random);
            examples.add(new ArrayExample<>(new Label(x[0] - x[1] + 0.5 * x[2] + random.nextGaussian() > 0 ? "up"
                    : "down"), names, x));
        }
        tribuo = new LogisticRegressionTrainer().train(new MutableDataset<>(new ListDataSource<>(examples, labels,
                new SimpleDataSourceProvenance("bench", labels))));
        FeatureSpec spec = new FeatureSpec("bench", 1, List.of(names));
        OnnxSidecar sidecar = new OnnxSidecar(spec, "input", "output",
                tribuo.getOutputIDInfo().getID(new Label("up")));
        ModelManifest manifest = new ModelManifest("bench-onnx", 1, "onnx", spec, new LabelSpec(12, 1, 14, 8),
                Instant.EPOCH, Instant.EPOCH, "bench", Map.of(), Map.of(),
                new OnnxProvenance("bench.onnx", "bench", sidecar).toJson());
        KeyValueModelRegistry registry = new KeyValueModelRegistry(new InMemoryKeyValueStore(),
                RegistryLimits.DEFAULT);
        registry.register(manifest, tribuo.exportONNXModel("com.quantumtrader.bench", 1).toByteArray());
        registry.promote("model", "bench-onnx", 1);
        loader = ModelLoader.withAvailableKinds(registry);
        onnx = loader.load("bench-onnx@1");
        vectors = new double[1024][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = vector(random);
        }
    }

    @Benchmark
    public double onnx() {
        return onnx.probability(nextVector());
    }

    @Benchmark
    public double tribuoDirect() {
        return tribuo.predict(new ArrayExample<>(new Label("up"), names, nextVector())).getOutputScores().get("up")
                .getScore();
    }

    @Benchmark
    public double championThenOnnx() {
        return loader.champion("model").orElseThrow().probability(nextVector());
    }

    private double[] nextVector() {
        next = (next + 1) & (vectors.length - 1);
        return vectors[next];
    }

    private static double[] vector(SplittableRandom random) {
        double[] x = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
