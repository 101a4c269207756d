package com.quantumtrader.core.ml.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TribuoProbabilityModelTest {

    private static final FeatureSpec SPEC = new FeatureSpec("test", 1, List.of("x", "y", "noise"));
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static ModelManifest manifest(FeatureSpec spec, String kind) {
        return new ModelManifest("m", 1, kind, spec, new LabelSpec(4, 1, 14, 10), T, T, "00", Map.of(), Map.of(),
                "{}");
    }

    /** y = 1 mostly when x + y > 0. */
    private static TribuoArtifact artifact(String algorithm) {
        SplittableRandom random = new SplittableRandom(1);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double x = random.nextDouble(-1, 1), y = random.nextDouble(-1, 1);
            rows.add(new double[] {x, y, i % 7 == 0 ? Double.NaN : random.nextDouble()});
            labels.add(x + y + 0.3 * random.nextDouble(-1, 1) > 0);
        }
        TribuoTrainer.Fitted fitted = new TribuoTrainer(algorithm, Map.of("trees", "10"), 7)
                .fit(SPEC.features(), rows, labels, T);
        return new TribuoArtifact(SPEC.features(), fitted.standardizer(), new PlattScaling(-4, 2), fitted.model());
    }

    @Test
    void servesTheSameCalibratedProbabilitiesAfterABytesRoundTrip() {
        for (String algorithm : List.of("logistic", "forest")) {
            TribuoArtifact artifact = artifact(algorithm);
            TribuoProbabilityModel model = new TribuoProbabilityModel(manifest(SPEC, "tribuo"), artifact.toBytes());
            double[] up = {0.8, 0.7, 0.5};
            double[] down = {-0.8, -0.7, Double.NaN};

            double raw = TribuoProbabilityModel.positiveScore(artifact.model(), SPEC.features(),
                    artifact.standardizer().apply(up));
            assertThat(model.probability(up)).as(algorithm).isEqualTo(artifact.calibrator().calibrate(raw));
            assertThat(model.probability(up)).as(algorithm).isGreaterThan(model.probability(down));
            assertThat(model.probability(down)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void refusesAnArtifactWhoseFeaturesDoNotMatchTheSpec() {
        byte[] bytes = artifact("logistic").toBytes();
        FeatureSpec other = new FeatureSpec("test", 2, List.of("x", "noise", "y"));

        assertThatThrownBy(() -> new TribuoProbabilityModel(manifest(other, "tribuo"), bytes))
                .hasMessageContaining("do not match feature spec test@2");
        assertThatThrownBy(() -> new TribuoProbabilityModel(manifest(SPEC, "onnx"), bytes))
                .hasMessageContaining("'onnx' model, not tribuo");
    }

    @Test
    void refusesCorruptBytesAndWrongVectorLengths() {
        byte[] bytes = artifact("logistic").toBytes();

        assertThatThrownBy(() -> new TribuoProbabilityModel(manifest(SPEC, "tribuo"), "junk".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("artifact");
        assertThatThrownBy(() -> new TribuoProbabilityModel(manifest(SPEC, "tribuo"),
                Arrays.copyOf(bytes, bytes.length - 10))).isInstanceOf(IllegalArgumentException.class);
        TribuoProbabilityModel model = new TribuoProbabilityModel(manifest(SPEC, "tribuo"), bytes);
        assertThatThrownBy(() -> model.probability(new double[] {1, 2}))
                .hasMessageContaining("expects 3 features but got 2");
    }
}
