package com.quantumtrader.core.ml.onnx;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.ModelManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * A tiny Tribuo logistic regression trained on generated data (seeded) and exported with tribuo-onnx: the imported
 * model of the tests here and in the modules that serve or import one.
 */
public final class OnnxTestModels {

    /** Tribuo orders a model's inputs by feature name, so these names are already in its input order. */
    public static final List<String> FEATURES = List.of("f0", "f1", "f2", "f3");
    public static final FeatureSpec SPEC = new FeatureSpec("test-features", 1, FEATURES);

    private static LinearSGDModel tribuo;
    private static byte[] onnx;

    private OnnxTestModels() {
    }

    public static synchronized LinearSGDModel tribuo() {
        if (tribuo == null) {
            SplittableRandom random = new SplittableRandom(42);
            LabelFactory labels = new LabelFactory();
            List<Example<Label>> examples = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                double[] x = randomVector(random);
                double logit = 1.5 * x[0] - 2.0 * x[1] + 0.5 * x[2] + random.nextGaussian();
                examples.add(new ArrayExample<>(new Label(logit > 0 ? "up" : "down"), FEATURES.toArray(String[]::new),
                        x));
            }
            tribuo = new LogisticRegressionTrainer().train(new MutableDataset<>(new ListDataSource<>(examples, labels,
                    new SimpleDataSourceProvenance("generated", labels))));
        }
        return tribuo;
    }

    public static synchronized byte[] onnx() {
        if (onnx == null) {
            onnx = tribuo().exportONNXModel("com.quantumtrader.test", 1).toByteArray();
        }
        return onnx.clone();
    }

    /** The output column of the "up" label. */
    public static int upColumn() {
        return tribuo().getOutputIDInfo().getID(new Label("up"));
    }

    public static OnnxSidecar sidecar() {
        return new OnnxSidecar(SPEC, "input", "output", upColumn());
    }

    /** A registrable manifest whose provenance carries the sidecar. */
    public static ModelManifest manifest(String id, int version) {
        return manifest(id, version, "onnx");
    }

    public static ModelManifest manifest(String id, int version, String kind) {
        return new ModelManifest(id, version, kind, SPEC, null, null, null, "test", Map.of(),
                Map.of("auc", 0.71, "brier", 0.2), new OnnxProvenance("test.onnx", "test", sidecar()).toJson());
    }

    public static double[] randomVector(SplittableRandom random) {
        return new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian()};
    }
}
