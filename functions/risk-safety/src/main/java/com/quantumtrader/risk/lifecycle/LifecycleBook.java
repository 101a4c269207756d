package com.quantumtrader.risk.lifecycle;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every trade's lifecycle, by trace id, and the index of trades waiting in a stage that can get stuck (APPROVED,
 * SUBMITTED). A stage already reached is not added again, so a redelivered event changes nothing.
 */
public final class LifecycleBook {

    public static final String GENERATED = "GENERATED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String FILLED = "FILLED";
    public static final String FAILED = "FAILED";
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String STUCK = "STUCK";
    private static final Set<String> WAITING = Set.of(APPROVED, SUBMITTED);

    private final KeyValueStore state;

    public LifecycleBook(KeyValueStore state) {
        this.state = state;
    }

    public Optional<TradeLifecycle> of(String traceId) {
        return state.get("lifecycle:" + traceId).map(json -> EventJson.read(json, TradeLifecycle.class));
    }

    /** The trace a signal started, when risk saw the signal. */
    public Optional<String> traceOf(String signalId) {
        return state.hashGet("lifecycle_trace", signalId);
    }

    public void start(String traceId, String signalId, String symbol, Instant at) {
        if (of(traceId).isEmpty()) {
            state.hashPut("lifecycle_trace", signalId, traceId);
            save(new TradeLifecycle(traceId, signalId, symbol, List.of()).with(GENERATED, at, ""));
        }
    }

    /** Moves the signal's trade to {@code stage}; unknown signals (e.g. exits) start nothing. */
    public void advance(String signalId, String stage, Instant at, String detail) {
        traceOf(signalId).flatMap(this::of).ifPresent(trade -> {
            if (trade.steps().stream().anyMatch(s -> s.stage().equals(stage))) {
                return;
            }
            save(trade.with(stage, at, detail));
            if (WAITING.contains(stage)) {
                state.hashPut("lifecycle_waiting", trade.traceId(), stage + "|" + at);
            } else {
                state.hashDelete("lifecycle_waiting", trade.traceId());
            }
        });
    }

    /** Trace id to "stage|since" of every trade waiting in APPROVED or SUBMITTED, in trace order. */
    Map<String, String> waiting() {
        return state.hashGetAll("lifecycle_waiting");
    }

    void stuck(TradeLifecycle trade, Instant at, String detail) {
        save(trade.with(STUCK, at, detail));
        state.hashDelete("lifecycle_waiting", trade.traceId());
    }

    private void save(TradeLifecycle trade) {
        state.put("lifecycle:" + trade.traceId(), EventJson.write(trade));
    }
}
