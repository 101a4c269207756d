package com.quantumtrader.risk.model.lifecycle;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One trade's way through generated, approved/rejected, submitted, filled/failed, open, closed, keyed by the trace
 * of its signal: the answer of the trading route's lifecycle query.
 */
public record TradeLifecycle(String traceId, String signalId, String symbol, List<Step> steps) {

    public static final String GENERATED = "GENERATED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String FILLED = "FILLED";
    public static final String FAILED = "FAILED";
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String STUCK = "STUCK";
    /** The stages a trade can get stuck in. */
    public static final Set<String> WAITING = Set.of(APPROVED, SUBMITTED);

    /** A stage reached, when, and what about it (e.g. the reject reason). */
    public record Step(String stage, Instant at, String detail) {
    }

    public String stage() {
        return steps.isEmpty() ? "NONE" : steps.get(steps.size() - 1).stage();
    }

    /** Whether the trade was at {@code stage} already: a stage is reached once, a redelivery changes nothing. */
    public boolean reached(String stage) {
        return steps.stream().anyMatch(s -> s.stage().equals(stage));
    }

    public TradeLifecycle with(String stage, Instant at, String detail) {
        List<Step> next = new ArrayList<>(steps);
        next.add(new Step(stage, at, detail));
        return new TradeLifecycle(traceId, signalId, symbol, List.copyOf(next));
    }
}
