package com.quantumtrader.risk.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.risk.model.lifecycle.TradeLifecycle;
import com.quantumtrader.risk.model.lifecycle.WaitingTrade;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every trade's lifecycle, by trace id, and the index of trades waiting in a stage that can get stuck (APPROVED,
 * SUBMITTED). A stage already reached is not added again, so a redelivered event changes nothing.
 */
public final class LifecycleStore {

    private final KeyValueStore state;

    public LifecycleStore(KeyValueStore state) {
        this.state = state;
    }

    public Optional<TradeLifecycle> of(String traceId) {
        return state.get(RiskKeys.lifecycle(traceId)).map(json -> EventJson.read(json, TradeLifecycle.class));
    }

    /** The trace a signal started, when risk saw the signal. */
    public Optional<String> traceOf(String signalId) {
        return state.hashGet(RiskKeys.LIFECYCLE_TRACE, signalId);
    }

    public void start(String traceId, String signalId, String symbol, Instant at) {
        if (of(traceId).isEmpty()) {
            state.hashPut(RiskKeys.LIFECYCLE_TRACE, signalId, traceId);
            save(new TradeLifecycle(traceId, signalId, symbol, List.of()).with(TradeLifecycle.GENERATED, at, ""));
        }
    }

    /** Moves the signal's trade to {@code stage}; unknown signals (e.g. exits) start nothing. */
    public void advance(String signalId, String stage, Instant at, String detail) {
        traceOf(signalId).flatMap(this::of).ifPresent(trade -> {
            if (trade.reached(stage)) {
                return;
            }
            save(trade.with(stage, at, detail));
            if (TradeLifecycle.WAITING.contains(stage)) {
                state.hashPut(RiskKeys.LIFECYCLE_WAITING, trade.traceId(), stage + "|" + at);
            } else {
                state.hashDelete(RiskKeys.LIFECYCLE_WAITING, trade.traceId());
            }
        });
    }

    /** Every trade waiting in APPROVED or SUBMITTED, in trace order. */
    public List<WaitingTrade> waiting() {
        return state.hashGetAll(RiskKeys.LIFECYCLE_WAITING).entrySet().stream().map(waiting -> {
            String[] entry = waiting.getValue().split("\\|", 2);
            return new WaitingTrade(waiting.getKey(), entry[0], Instant.parse(entry[1]));
        }).toList();
    }

    public void stuck(TradeLifecycle trade, Instant at, String detail) {
        save(trade.with(TradeLifecycle.STUCK, at, detail));
        state.hashDelete(RiskKeys.LIFECYCLE_WAITING, trade.traceId());
    }

    private void save(TradeLifecycle trade) {
        state.put(RiskKeys.lifecycle(trade.traceId()), EventJson.write(trade));
    }
}
