package com.quantumtrader.risk.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One trade's way through generated, approved/rejected, submitted, filled/failed, open, closed, keyed by the trace
 * of its signal: the answer of the trading route's lifecycle query.
 */
public record TradeLifecycle(String traceId, String signalId, String symbol, List<Step> steps) {

    /** A stage reached, when, and what about it (e.g. the reject reason). */
    public record Step(String stage, Instant at, String detail) {
    }

    public String stage() {
        return steps.isEmpty() ? "NONE" : steps.get(steps.size() - 1).stage();
    }

    TradeLifecycle with(String stage, Instant at, String detail) {
        List<Step> next = new ArrayList<>(steps);
        next.add(new Step(stage, at, detail));
        return new TradeLifecycle(traceId, signalId, symbol, List.copyOf(next));
    }
}
