package com.quantumtrader.core.policy;

import java.util.List;

/** A policy was rejected before anything was written. Lists every problem, each starting with its field path. */
public final class PolicyValidationException extends RuntimeException {

    private final List<String> problems;

    public PolicyValidationException(List<String> problems) {
        super("invalid policy (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "): "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, e.g. {@code limits.SAFE.min_confidence: must have a maximum value of 1}. */
    public List<String> problems() {
        return problems;
    }
}
