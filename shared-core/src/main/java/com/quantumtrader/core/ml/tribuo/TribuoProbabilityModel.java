package com.quantumtrader.core.ml.tribuo;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ProbabilityModel;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Serves a model trained here: standardize as in training, Tribuo's score for the positive class, then the
 * calibrator fitted on held-back folds. Refuses at load an artifact whose feature list differs from the manifest's
 * feature spec.
 */
public final class TribuoProbabilityModel implements ProbabilityModel {

    public static final String KIND = "tribuo";

    private final ModelManifest manifest;
    private final TribuoArtifact artifact;

    /**
     * @throws IllegalArgumentException when the manifest is not a Tribuo model, the bytes are not a Tribuo artifact,
     *                                  or the artifact's features are not the manifest's feature spec
     */
    public TribuoProbabilityModel(ModelManifest manifest, byte[] artifactBytes) {
        if (!KIND.equals(manifest.kind())) {
            throw new IllegalArgumentException(manifest.reference() + " is a '" + manifest.kind()
                    + "' model, not " + KIND);
        }
        this.artifact = TribuoArtifact.fromBytes(artifactBytes);
        if (!artifact.features().equals(manifest.featureSpec().features())) {
            throw new IllegalArgumentException(manifest.reference() + ": artifact features " + artifact.features()
                    + " do not match feature spec " + manifest.featureSpec().id() + " "
                    + manifest.featureSpec().features());
        }
        this.manifest = manifest;
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public double probability(double[] features) {
        if (features.length != artifact.features().size()) {
            throw new IllegalArgumentException(manifest.reference() + " expects " + artifact.features().size()
                    + " features but got " + features.length);
        }
        double score = positiveScore(artifact.model(), artifact.features(), artifact.standardizer().apply(features));
        return artifact.calibrator().calibrate(score);
    }

    /** The uncalibrated score of the positive class. */
    public double rawScore(double[] features) {
        return positiveScore(artifact.model(), artifact.features(), artifact.standardizer().apply(features));
    }

    static double positiveScore(Model<Label> model, List<String> names, double[] scaled) {
        ArrayExample<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
                names.toArray(String[]::new), scaled);
        Prediction<Label> prediction = model.predict(example);
        Label positive = prediction.getOutputScores().get(TribuoArtifact.POSITIVE);
        return positive == null ? 0 : positive.getScore();
    }
}
