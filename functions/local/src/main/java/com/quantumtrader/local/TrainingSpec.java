package com.quantumtrader.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.labels.Direction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code train --spec} file: which features, which label, which trainer, how to split time, the seed, and how
 * the report trades the model's signals. Every bad field is named, all at once.
 */
record TrainingSpec(String modelId, LabelSpec label, Direction direction, String algorithm,
                    Map<String, String> hyperparameters, String calibration, int folds, int embargoBars,
                    Instant trainFrom, Instant trainTo, Instant validateFrom, Instant validateTo, long seed,
                    double threshold, double stopAtr, double targetAtr) {

    static final Duration BAR = Duration.ofHours(1);

    static TrainingSpec parse(JsonNode root) {
        List<String> problems = new ArrayList<>();
        Fields f = new Fields(root, problems);
        String featureName = f.text("feature_spec.name", BarsV1.NAME);
        int featureVersion = f.integer("feature_spec.version", BarsV1.VERSION);
        if (!BarsV1.NAME.equals(featureName) || featureVersion != BarsV1.VERSION) {
            problems.add("feature_spec: only " + BarsV1.SPEC.id() + " exists, not " + featureName + "@"
                    + featureVersion);
        }
        String modelId = f.text("model_id", null);
        if (modelId != null && !modelId.matches("[a-z0-9][a-z0-9_-]*")) {
            problems.add("model_id '" + modelId + "' must match [a-z0-9][a-z0-9_-]*");
        }
        Direction direction = null;
        String directionText = f.text("label.direction", "long");
        try {
            direction = Direction.parse(directionText);
        } catch (IllegalArgumentException e) {
            problems.add("label.direction: " + e.getMessage());
        }
        int horizon = f.integer("label.horizon_bars", 12);
        double atrMultiple = f.number("label.atr_multiple", 1.0);
        int atrPeriod = f.integer("label.atr_period", 14);
        double costBps = f.number("label.cost_bps", 12);
        LabelSpec label = null;
        try {
            label = new LabelSpec(horizon, atrMultiple, atrPeriod, costBps);
        } catch (IllegalArgumentException e) {
            problems.add("label: " + e.getMessage());
        }
        String algorithm = f.text("trainer.algorithm", "logistic");
        Map<String, String> hyperparameters = new TreeMap<>();
        root.path("trainer").path("hyperparameters").fields()
                .forEachRemaining(e -> hyperparameters.put(e.getKey(), e.getValue().asText()));
        String calibration = f.text("calibration", "platt");
        if (!List.of("platt", "isotonic", "none").contains(calibration)) {
            problems.add("calibration '" + calibration + "' must be platt, isotonic or none");
        }
        int folds = f.integer("folds", 5);
        if (folds < 1 || folds > 50) {
            problems.add("folds must be 1 to 50 but is " + folds);
        }
        int embargo = f.integer("embargo_bars", 24);
        if (embargo < 0) {
            problems.add("embargo_bars must not be negative but is " + embargo);
        }
        Instant trainFrom = f.date("train_from");
        Instant trainTo = f.date("train_to");
        Instant validateFrom = f.date("validate_from");
        Instant validateTo = f.date("validate_to");
        if (trainFrom != null && trainTo != null && !trainTo.isAfter(trainFrom)) {
            problems.add("train_to must be after train_from");
        }
        if (trainTo != null && validateFrom != null && validateFrom.isBefore(trainTo)) {
            problems.add("validate_from must not be before train_to (validation is out of sample)");
        }
        if (validateFrom != null && validateTo != null && !validateTo.isAfter(validateFrom)) {
            problems.add("validate_to must be after validate_from");
        }
        long seed = f.integer("seed", 42);
        double threshold = f.number("trade.threshold", 0.55);
        if (!(threshold > 0 && threshold < 1)) {
            problems.add("trade.threshold must be a probability between 0 and 1 but is " + threshold);
        }
        double stopAtr = f.number("trade.stop_atr", 1.5);
        double targetAtr = f.number("trade.target_atr", 1.5);
        if (!(stopAtr > 0) || !(targetAtr > 0)) {
            problems.add("trade.stop_atr and trade.target_atr must be positive");
        }
        if (problems.isEmpty()) {
            try {
                new com.quantumtrader.core.ml.tribuo.TribuoTrainer(algorithm, hyperparameters, seed);
            } catch (IllegalArgumentException e) {
                problems.add("trainer: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new TrainingSpec(modelId == null ? "bars-" + direction.name().toLowerCase() : modelId, label,
                direction, algorithm, hyperparameters, calibration, folds, embargo, trainFrom, trainTo, validateFrom,
                validateTo, seed, threshold, stopAtr, targetAtr);
    }

    /** Reads dotted paths, recording a problem (and returning a placeholder) for each bad one. */
    private record Fields(JsonNode root, List<String> problems) {

        JsonNode at(String path) {
            JsonNode node = root;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            return node;
        }

        String text(String path, String fallback) {
            JsonNode node = at(path);
            if (node.isMissingNode() || node.isNull()) {
                return fallback;
            }
            if (!node.isTextual()) {
                problems.add(path + " must be a text");
                return fallback;
            }
            return node.asText();
        }

        int integer(String path, int fallback) {
            JsonNode node = at(path);
            if (node.isMissingNode() || node.isNull()) {
                return fallback;
            }
            if (!node.isIntegralNumber()) {
                problems.add(path + " must be a whole number but is " + node);
                return fallback;
            }
            return node.asInt();
        }

        double number(String path, double fallback) {
            JsonNode node = at(path);
            if (node.isMissingNode() || node.isNull()) {
                return fallback;
            }
            if (!node.isNumber()) {
                problems.add(path + " must be a number but is " + node);
                return fallback;
            }
            return node.asDouble();
        }

        Instant date(String path) {
            JsonNode node = at(path);
            if (node.isMissingNode() || node.isNull()) {
                problems.add(path + " is required (2022-01-01 or 2022-01-01T00:00:00Z)");
                return null;
            }
            String text = node.asText();
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(path + " '" + text + "' is not a date (2022-01-01) or an instant");
                return null;
            }
        }
    }
}
