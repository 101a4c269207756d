package com.quantumtrader.events.learning;

import java.util.Map;

/** A model was refit; its new parameters and the score that justified them. */
public record ModelRetrained(
        String modelId,
        String strategyId,
        int version,
        Map<String, String> parameters,
        String metric,
        double score,
        String reason) {
}
