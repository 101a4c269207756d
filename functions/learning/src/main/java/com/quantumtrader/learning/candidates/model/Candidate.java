package com.quantumtrader.learning.candidates.model;

import com.quantumtrader.events.Side;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A refit model waiting in shadow testing.
 *
 * @param modelId         the refit model, {@code <family>@v<version>}
 * @param strategyId      the strategy whose trades it is judged on
 * @param version         its version
 * @param replacesModelId the live model it would replace
 * @param allowedSides    the sides it trades; the others it sits out
 * @param fittedAt        the fit saw trades closed up to here; only later trades count as out of sample
 */
public record Candidate(
        String modelId,
        String strategyId,
        int version,
        String replacesModelId,
        List<Side> allowedSides,
        Instant fittedAt) {

    public Candidate {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(fittedAt, "fittedAt");
        allowedSides = List.copyOf(allowedSides);
    }
}
