package com.quantumtrader.core.ml.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.ModelManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * An imported model: a Tribuo logistic regression trained here on generated data, exported with tribuo-onnx, served
 * by ONNX Runtime. Tribuo computes in double, the exported graph in float, so the two agree to 1e-5 (float32 carries
 * about 7 significant digits; the logits of this model stay well under 100).
 */
class OnnxProbabilityModelTest {

    private static final List<String> FEATURES = OnnxTestModels.FEATURES;
    private static final FeatureSpec SPEC = OnnxTestModels.SPEC;
    private static final double TOLERANCE = 1e-5;

    private static LinearSGDModel tribuo;
    private static byte[] onnx;
    private static int upColumn;

    @BeforeAll
    static void trainAndExport() {
        tribuo = OnnxTestModels.tribuo();
        onnx = OnnxTestModels.onnx();
        upColumn = OnnxTestModels.upColumn();
    }

    @Test
    void servesTheSameProbabilitiesAsTribuoWithinFloatPrecision() {
        try (OnnxProbabilityModel model = OnnxProbabilityModel.load(manifest(SPEC), onnx, sidecar(SPEC, "input",
                "output", upColumn))) {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 500; i++) {
                double[] x = randomVector(random);
                double expected = tribuo.predict(new ArrayExample<>(new Label("up"), FEATURES.toArray(String[]::new),
                        x)).getOutputScores().get("up").getScore();

                assertThat(model.probability(x)).isCloseTo(expected, within(TOLERANCE));
            }
        }
    }

    @Test
    void refusesAtLoadAModelWhoseInputWidthIsNotItsSpec() {
        FeatureSpec threeFeatures = new FeatureSpec("test-features", 1, List.of("f0", "f1", "f2"));

        assertThatThrownBy(() -> OnnxProbabilityModel.load(manifest(threeFeatures), onnx,
                sidecar(threeFeatures, "input", "output", upColumn)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 'input' has shape [-1, 4] but feature spec test-features@1 has 3 features");
    }

    @Test
    void refusesAtLoadAnInputNameTheModelDoesNotHave() {
        assertThatThrownBy(() -> OnnxProbabilityModel.load(manifest(SPEC), onnx, sidecar(SPEC, "features", "output",
                upColumn)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has inputs [input]; the sidecar declares the single input 'features'");
    }

    @Test
    void refusesAtLoadAnOutputOrProbabilityColumnTheModelDoesNotHave() {
        assertThatThrownBy(() -> OnnxProbabilityModel.load(manifest(SPEC), onnx, sidecar(SPEC, "input", "proba", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the sidecar declares 'proba'");
        assertThatThrownBy(() -> OnnxProbabilityModel.load(manifest(SPEC), onnx, sidecar(SPEC, "input", "output", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 2 for the probability");
    }

    @Test
    void refusesASidecarWhoseSpecIsNotTheManifestsAndBytesThatAreNotOnnx() {
        FeatureSpec renamed = new FeatureSpec("bars-v1", 1, FEATURES);

        assertThatThrownBy(() -> OnnxProbabilityModel.load(manifest(renamed), onnx, sidecar(SPEC, "input", "output",
                upColumn))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sidecar feature spec test-features@1");
        assertThatThrownBy(() -> OnnxProbabilityModel.load(manifest(SPEC), new byte[] {1, 2, 3},
                sidecar(SPEC, "input", "output", upColumn))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a loadable ONNX model");
    }

    @Test
    void refusesAFeatureVectorOfTheWrongLength() {
        try (OnnxProbabilityModel model = OnnxProbabilityModel.load(manifest(SPEC), onnx, sidecar(SPEC, "input",
                "output", upColumn))) {
            assertThatThrownBy(() -> model.probability(new double[3])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reads 4 features (test-features@1), got 3");
        }
    }

    @Test
    void loadsFromAManifestWhoseProvenanceCarriesTheSidecar() {
        OnnxSidecar sidecar = sidecar(SPEC, "input", "output", upColumn);
        ModelManifest manifest = new ModelManifest("imported", 1, "onnx", SPEC, null, null, null, "abc", Map.of(),
                Map.of(), new OnnxProvenance("model.onnx", "abc", sidecar).toJson());

        try (OnnxProbabilityModel model = OnnxProbabilityModel.load(manifest, onnx)) {
            assertThat(model.probability(new double[] {3, -3, 0, 0})).isGreaterThan(0.9);
        }
    }

    private static double[] randomVector(SplittableRandom random) {
        return OnnxTestModels.randomVector(random);
    }

    private static OnnxSidecar sidecar(FeatureSpec spec, String input, String output, int column) {
        return new OnnxSidecar(spec, input, output, column);
    }

    private static ModelManifest manifest(FeatureSpec spec) {
        return new ModelManifest("imported", 1, "onnx", spec, null, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"), "abc", Map.of(), Map.of(), "{}");
    }
}
