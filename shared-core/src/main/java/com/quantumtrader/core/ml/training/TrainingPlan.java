package com.quantumtrader.core.ml.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How one training run splits time and checks itself.
 *
 * @param trainFrom       first decision time used for training
 * @param trainTo         training cut-off: only labels known (horizon closed) by then are used
 * @param validateFrom    first decision of the out-of-sample validation period, not before {@code trainTo}
 * @param validateTo      end of the validation period (exclusive)
 * @param folds           walk-forward folds inside the training period
 * @param embargo         gap between training labels and each test fold, and after each test fold
 * @param calibration     {@code platt}, {@code isotonic} or {@code none}, fitted on the folds' held-back predictions
 * @param foldAucGap      a fold whose AUC exceeds the median of the others by more than this is flagged
 * @param aucCeiling      an out-of-sample AUC above this is flagged as implausible for market data (leak?)
 */
public record TrainingPlan(Instant trainFrom, Instant trainTo, Instant validateFrom, Instant validateTo, int folds,
                           Duration embargo, String calibration, double foldAucGap, double aucCeiling) {

    public TrainingPlan {
        Objects.requireNonNull(trainFrom, "trainFrom");
        Objects.requireNonNull(trainTo, "trainTo");
        Objects.requireNonNull(validateFrom, "validateFrom");
        Objects.requireNonNull(validateTo, "validateTo");
        if (!trainTo.isAfter(trainFrom) || !validateTo.isAfter(validateFrom)) {
            throw new IllegalArgumentException("training and validation periods must each end after they start");
        }
        if (validateFrom.isBefore(trainTo)) {
            throw new IllegalArgumentException("validation (from " + validateFrom
                    + ") must start at or after the training cut-off " + trainTo);
        }
    }
}
