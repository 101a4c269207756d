package com.quantumtrader.ai.signal.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last closed bars of one symbol and interval, oldest first, as the AI engine stores them: the source of truth
 * its strategies' bar series are rebuilt from after a restart or a Lambda cold start.
 */
public record BarWindow(List<Point> bars) {

    public BarWindow {
        bars = List.copyOf(bars);
    }

    public static BarWindow empty() {
        return new BarWindow(List.of());
    }

    /** Whether a bar closing at {@code closeTime} would be new (not a replay or out of order). */
    public boolean accepts(Instant closeTime) {
        return bars.isEmpty() || closeTime.isAfter(newest().closeTime());
    }

    /** This window with {@code bar} appended, dropping the oldest bars beyond {@code capacity}. */
    public BarWindow append(Point bar, int capacity) {
        int keep = Math.min(bars.size(), capacity - 1);
        List<Point> next = new ArrayList<>(keep + 1);
        next.addAll(bars.subList(bars.size() - keep, bars.size()));
        next.add(bar);
        return new BarWindow(next);
    }

    public int size() {
        return bars.size();
    }

    public Point newest() {
        return bars.get(bars.size() - 1);
    }

    /**
     * One closed bar. {@code open} and {@code volume} are null in windows stored before they were kept.
     */
    public record Point(Instant closeTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                        BigDecimal volume) {
    }
}
