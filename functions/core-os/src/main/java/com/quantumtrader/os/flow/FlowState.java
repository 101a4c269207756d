package com.quantumtrader.os.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the signal-flow monitor remembers: recent signals per symbol, the symbols it throttles, and the active
 * universe as of the previous signal (null before the first one).
 */
record FlowState(Map<String, List<Seen>> recent, List<String> throttled, List<String> universe) {

    FlowState {
        recent = new TreeMap<>(recent);
        throttled = List.copyOf(throttled);
        universe = universe == null ? null : List.copyOf(universe);
    }

    static FlowState empty() {
        return new FlowState(Map.of(), List.of(), null);
    }

    record Seen(String signalId, Instant at) {
    }
}
