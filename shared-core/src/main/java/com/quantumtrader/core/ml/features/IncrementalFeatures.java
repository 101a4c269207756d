package com.quantumtrader.core.ml.features;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one code path that turns bars into bars-v1 vectors, bar by bar, for one symbol: training builds its tables by
 * streaming history through it, and backtest, paper and Lambda stream live bars through it. Keeps only the last
 * {@link BarsV1#LOOKBACK} bars. Not thread-safe: one instance per symbol and consumer.
 */
public final class IncrementalFeatures {

    private final Deque<FeatureBar> window = new ArrayDeque<>(BarsV1.LOOKBACK + 1);
    private final String symbol;

    public IncrementalFeatures(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Adds the bar that just closed and returns the vector as of its close.
     *
     * @throws IllegalArgumentException for another symbol's bar or a bar that does not come after the last one
     */
    public double[] onBar(FeatureBar bar) {
        if (!bar.symbol().equals(symbol)) {
            throw new IllegalArgumentException("features of " + symbol + " got a " + bar.symbol() + " bar");
        }
        FeatureBar previous = window.peekLast();
        if (previous != null && !bar.openTime().isAfter(previous.openTime())) {
            throw new IllegalArgumentException(symbol + " bar at " + bar.openTime() + " is not after "
                    + previous.openTime());
        }
        window.addLast(bar);
        if (window.size() > BarsV1.LOOKBACK) {
            window.removeFirst();
        }
        return BarsV1.vector(List.copyOf(window));
    }

    /** Bars held so far (at most {@link BarsV1#LOOKBACK}), oldest first. */
    public List<FeatureBar> window() {
        return new ArrayList<>(window);
    }

    /** True once every feature that depends only on bars is defined. */
    public boolean warm() {
        return window.size() >= BarsV1.LOOKBACK;
    }
}
