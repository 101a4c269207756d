package com.quantumtrader.ai.signal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last closed bars of one symbol and interval, oldest first, as the orchestrator keeps them in its state.
 */
record BarWindow(List<Point> bars) {

    BarWindow {
        bars = List.copyOf(bars);
    }

    static BarWindow empty() {
        return new BarWindow(List.of());
    }

    /** Whether a bar closing at {@code closeTime} would be new (not a replay or out of order). */
    boolean accepts(Instant closeTime) {
        return bars.isEmpty() || closeTime.isAfter(bars.get(bars.size() - 1).closeTime());
    }

    /** This window with {@code bar} appended, dropping the oldest bars beyond {@code capacity}. */
    BarWindow append(Point bar, int capacity) {
        List<Point> next = new ArrayList<>(bars);
        next.add(bar);
        while (next.size() > capacity) {
            next.remove(0);
        }
        return new BarWindow(next);
    }

    int size() {
        return bars.size();
    }

    /** The bar {@code back} bars before the newest (0 = newest). */
    Point back(int back) {
        return bars.get(bars.size() - 1 - back);
    }

    record Point(Instant closeTime, BigDecimal high, BigDecimal low, BigDecimal close) {
    }
}
