package com.quantumtrader.os.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the signal-flow monitor remembers: recent signals per symbol. The symbols it throttles belong to the active
 * universe's state ({@link com.quantumtrader.os.universe.ActiveUniverse}).
 */
record FlowState(Map<String, List<Seen>> recent) {

    FlowState {
        recent = new TreeMap<>(recent);
    }

    static FlowState empty() {
        return new FlowState(Map.of());
    }

    record Seen(String signalId, Instant at) {
    }
}
