package com.quantumtrader.learning.retraining.model;

import java.time.Instant;

/** The last version this strategy's models reached and when the last refit ran (null before the first). */
public record RetrainingState(int version, Instant lastRetrainedAt) {

    public static RetrainingState initial() {
        return new RetrainingState(1, null);
    }
}
