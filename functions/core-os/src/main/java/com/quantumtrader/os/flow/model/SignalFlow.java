package com.quantumtrader.os.flow.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signal-flow rules: the signals of the last {@link #WINDOW} (6 h) per symbol; a symbol with more than
 * {@value #MAX_SIGNALS} of them floods and is throttled, once per episode; the episode ends when its count is back
 * to at most {@value #MAX_SIGNALS} (checked for every throttled symbol on each signal). A crossover strategy on
 * hourly bars that signals more than {@value #MAX_SIGNALS} times in 6 h is whipsawing, not trending.
 */
public final class SignalFlow {

    public static final Duration WINDOW = Duration.ofHours(6);
    public static final int MAX_SIGNALS = 3;

    private SignalFlow() {
    }

    /** A symbol that started flooding with this signal. */
    public record Flood(String symbol, int signals) {

        public String issue() {
            return "signal flood on " + symbol + ": " + signals + " signals within " + WINDOW.toHours() + "h (max "
                    + MAX_SIGNALS + ")";
        }
    }

    /**
     * The window with this signal, the symbols throttled after it, those whose throttle it released (symbol order)
     * and those it starts throttling (symbol order).
     */
    public record Observation(FlowState window, SortedSet<String> throttled, List<String> released,
                              List<Flood> floods) {
    }

    /** A new signal (not a redelivery: see {@link FlowState#hasSeen}) of {@code symbol} at {@code now}. */
    public static Observation observe(FlowState window, String symbol, String signalId, Instant now,
                                      SortedSet<String> throttledBefore) {
        Instant horizon = now.minus(WINDOW);
        Map<String, List<FlowState.Seen>> recent = new TreeMap<>();
        window.recent().forEach((s, seen) -> {
            List<FlowState.Seen> kept = seen.stream().filter(x -> x.at().isAfter(horizon)).toList();
            if (!kept.isEmpty()) {
                recent.put(s, kept);
            }
        });
        List<FlowState.Seen> mine = new ArrayList<>(recent.getOrDefault(symbol, List.of()));
        mine.add(new FlowState.Seen(signalId, now));
        recent.put(symbol, mine);

        SortedSet<String> throttled = new TreeSet<>(throttledBefore);
        List<String> released = new ArrayList<>();
        for (String s : throttledBefore) {
            if (recent.getOrDefault(s, List.of()).size() <= MAX_SIGNALS) {
                released.add(s);
                throttled.remove(s);
            }
        }
        List<Flood> floods = new ArrayList<>();
        recent.forEach((s, seen) -> {
            if (seen.size() > MAX_SIGNALS && throttled.add(s)) {
                floods.add(new Flood(s, seen.size()));
            }
        });
        return new Observation(new FlowState(recent), throttled, List.copyOf(released), List.copyOf(floods));
    }
}
