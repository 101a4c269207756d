package com.quantumtrader.execution.slippage;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.SlippageHigh;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed's adaptive execution monitor (AELM), first version: slippage of every entry fill against the price the
 * signal was priced at, in basis points (positive = worse for us), averaged per symbol over the last
 * {@code window} fills. Raises {@code execution.slippage.high} once when the average crosses above the threshold,
 * and again only after it has fallen back below. A single unlucky fill is not a trend: the window must be at least
 * half full before it can alert.
 */
public final class SlippageMonitor {

    public static final int DEFAULT_WINDOW = 10;
    public static final BigDecimal DEFAULT_THRESHOLD_BPS = new BigDecimal("15");

    private static final BigDecimal BPS = new BigDecimal("10000");

    private final KeyValueStore store;
    private final int window;
    private final BigDecimal thresholdBps;

    public SlippageMonitor(KeyValueStore store, int window, BigDecimal thresholdBps) {
        if (window < 1) {
            throw new IllegalArgumentException("slippage window must hold at least one fill");
        }
        if (thresholdBps == null || thresholdBps.signum() < 0) {
            throw new IllegalArgumentException("slippage threshold must not be negative");
        }
        this.store = store;
        this.window = window;
        this.thresholdBps = thresholdBps;
    }

    /** Adverse slippage of a fill in basis points of the expected price: positive when we paid more (or got less). */
    public static BigDecimal slippageBps(OrderSide side, BigDecimal expectedPrice, BigDecimal fillPrice) {
        BigDecimal adverse = side == OrderSide.BUY ? fillPrice.subtract(expectedPrice) : expectedPrice.subtract(fillPrice);
        return adverse.multiply(BPS).divide(expectedPrice, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** Adds one entry fill; returns the alert when this fill carries the symbol's average across the threshold. */
    public Optional<SlippageHigh> record(String symbol, BigDecimal slippageBps) {
        Window state = load(symbol);
        List<BigDecimal> samples = new ArrayList<>(state.samples());
        samples.add(slippageBps);
        while (samples.size() > window) {
            samples.remove(0);
        }
        BigDecimal mean = samples.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(samples.size()), 4, RoundingMode.HALF_EVEN);
        boolean above = samples.size() * 2 >= window && mean.compareTo(thresholdBps) > 0;
        store.put(key(symbol), EventJson.write(new Window(samples, above)));
        if (above && !state.alerting()) {
            return Optional.of(new SlippageHigh(symbol, mean, thresholdBps, samples.size()));
        }
        return Optional.empty();
    }

    private Window load(String symbol) {
        return store.get(key(symbol)).map(json -> EventJson.read(json, Window.class)).orElse(new Window(List.of(), false));
    }

    private static String key(String symbol) {
        return "slippage:" + symbol;
    }

    /** The persisted rolling window of one symbol and whether it is currently above the threshold. */
    record Window(List<BigDecimal> samples, boolean alerting) {
    }
}
