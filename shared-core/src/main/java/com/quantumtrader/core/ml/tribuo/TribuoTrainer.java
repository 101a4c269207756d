package com.quantumtrader.core.ml.tribuo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits a Tribuo binary classifier on standardized feature vectors. Algorithms:
 * <ul>
 *   <li>{@code logistic} — logistic regression by SGD (AdaGrad); hyperparameters {@code epochs} (default 10),
 *       {@code learning_rate} (0.1), {@code minibatch} (32);</li>
 *   <li>{@code forest} — random forest of CART trees; {@code trees} (50), {@code max_depth} (6),
 *       {@code min_child_weight} (50), {@code feature_fraction} (0.5).</li>
 * </ul>
 * Same rows, hyperparameters and seed: same model (Tribuo's trainers are seeded; rows keep their order).
 */
public final class TribuoTrainer {

    private static final LabelFactory LABELS = new LabelFactory();

    private final String algorithm;
    private final Map<String, String> hyperparameters;
    private final long seed;

    public TribuoTrainer(String algorithm, Map<String, String> hyperparameters, long seed) {
        this.algorithm = algorithm;
        this.hyperparameters = new TreeMap<>(hyperparameters);
        this.seed = seed;
        trainer(); // fails fast on an unknown algorithm or a bad hyperparameter
    }

    /** A fitted model and the scaling it was fitted with: raw scores, before calibration. */
    public record Fitted(Standardizer standardizer, Model<Label> model, List<String> features) {

        public double score(double[] raw) {
            return TribuoProbabilityModel.positiveScore(model, features, standardizer.apply(raw));
        }
    }

    public Fitted fit(List<String> featureNames, List<double[]> rows, List<Boolean> labels, Instant dataTime) {
        if (rows.size() != labels.size() || rows.isEmpty()) {
            throw new IllegalArgumentException("training needs one label per row and at least one row");
        }
        if (labels.stream().distinct().count() < 2) {
            throw new IllegalArgumentException("training rows hold only one class; widen the window or the label");
        }
        Standardizer standardizer = Standardizer.fit(rows, featureNames.size());
        String[] names = featureNames.toArray(String[]::new);
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Label label = new Label(labels.get(i) ? TribuoArtifact.POSITIVE : TribuoArtifact.NEGATIVE);
            examples.add(new ArrayExample<>(label, names, standardizer.apply(rows.get(i))));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(examples, new SimpleDataSourceProvenance(
                "quantum-trader bars", OffsetDateTime.ofInstant(dataTime, ZoneOffset.UTC), LABELS), LABELS);
        return new Fitted(standardizer, trainer().train(dataset), List.copyOf(featureNames));
    }

    public String algorithm() {
        return algorithm;
    }

    public Map<String, String> hyperparameters() {
        return Map.copyOf(hyperparameters);
    }

    private Trainer<Label> trainer() {
        return switch (algorithm) {
            case "logistic" -> new LinearSGDTrainer(new LogMulticlass(),
                    new AdaGrad(number("learning_rate", 0.1)), (int) number("epochs", 10), -1,
                    (int) number("minibatch", 32), seed);
            case "forest" -> new RandomForestTrainer<>(new CARTClassificationTrainer((int) number("max_depth", 6),
                    (float) number("min_child_weight", 50), 0f, (float) number("feature_fraction", 0.5),
                    false, new GiniIndex(), seed), new VotingCombiner(), (int) number("trees", 50), seed);
            default -> throw new IllegalArgumentException("unknown trainer '" + algorithm
                    + "' (expected logistic or forest)");
        };
    }

    private double number(String key, double fallback) {
        String text = hyperparameters.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (!(value > 0)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyperparameter " + key + " '" + text + "' must be a positive number");
        }
    }
}
