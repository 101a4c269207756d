package com.quantumtrader.core.ml.validation;

import java.time.Instant;

/**
 * One walk-forward fold over a time-ordered row list.
 *
 * @param train    indices of the rows the fold's model is fitted on
 * @param test     indices of the rows it is scored on (contiguous, all after the training rows' labels closed)
 * @param testFrom decision time of the first test row
 * @param testTo   decision time of the last test row
 */
public record Fold(int number, int[] train, int[] test, Instant testFrom, Instant testTo) {

    public Fold {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
