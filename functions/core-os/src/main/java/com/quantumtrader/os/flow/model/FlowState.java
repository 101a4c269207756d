package com.quantumtrader.os.flow.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the signal-flow monitor remembers: recent signals per symbol. The symbols it throttles belong to the active
 * universe's state ({@link com.quantumtrader.os.universe.model.UniverseState}).
 */
public record FlowState(Map<String, List<Seen>> recent) {

    public FlowState {
        recent = new TreeMap<>(recent);
    }

    public static FlowState empty() {
        return new FlowState(Map.of());
    }

    /** Whether {@code signalId} of {@code symbol} is already in the window (a redelivery). */
    public boolean hasSeen(String symbol, String signalId) {
        return recent.getOrDefault(symbol, List.of()).stream().anyMatch(s -> s.signalId().equals(signalId));
    }

    public record Seen(String signalId, Instant at) {
    }
}
