package com.quantumtrader.execution.slippage;

import com.quantumtrader.execution.policy.ExecutionPolicy;
import com.quantumtrader.execution.policy.ExecutionPolicy.AdaptiveEntry;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.EntryModeChanged;
import com.quantumtrader.events.execution.SlippageHigh;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's adaptive execution monitor (AELM): slippage of every entry fill against the price the signal was
 * priced at, in basis points (positive = worse for us), averaged per symbol over the last
 * {@link ExecutionPolicy#slippageWindowOrders() window} fills. A single unlucky fill is not a trend: the window
 * must be at least half full before a symbol can turn high.
 *
 * <p>A symbol turns high when its average rises above {@link ExecutionPolicy#slippageHighBps() the high mark}
 * ({@code execution.slippage.high}, once) and stays high until the average is back at or below
 * {@link ExecutionPolicy#slippageRecoverBps() the recovery mark}: the gap between the two keeps a symbol near the
 * threshold from flapping. While it is high and the policy's adaptive entry is {@code LIMIT_IOC}, its entries are
 * sent as immediate-or-cancel limit orders at a bounded price ({@link #limitOffsetBps}); each switch is an
 * {@code execution.entry_mode.changed}. The thresholds are read from the policy at every fill.
 */
public final class SlippageMonitor {

    public static final int DEFAULT_WINDOW = 10;
    public static final BigDecimal DEFAULT_THRESHOLD_BPS = new BigDecimal("15");
    public static final String MARKET = "MARKET";
    public static final String LIMIT_IOC = "LIMIT_IOC";

    private static final Logger LOG = LoggerFactory.getLogger(SlippageMonitor.class);
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final KeyValueStore store;
    private final Supplier<ExecutionPolicy> policy;

    /** Fixed thresholds, no hysteresis, alerts only: entries stay market orders. */
    public SlippageMonitor(KeyValueStore store, int window, BigDecimal thresholdBps) {
        this(store, fixed(window, thresholdBps));
    }

    /** Thresholds and adaptive entries from {@code policy}, read at every call (a policy change applies at once). */
    public SlippageMonitor(KeyValueStore store, Supplier<ExecutionPolicy> policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The execution policy in force now (the order guard reads its caps from the same section). */
    public ExecutionPolicy policy() {
        return policy.get();
    }

    /** Adverse slippage of a fill in basis points of the expected price: positive when we paid more (or got less). */
    public static BigDecimal slippageBps(OrderSide side, BigDecimal expectedPrice, BigDecimal fillPrice) {
        BigDecimal adverse = side == OrderSide.BUY ? fillPrice.subtract(expectedPrice) : expectedPrice.subtract(fillPrice);
        return adverse.multiply(BPS).divide(expectedPrice, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** Adds one entry fill; returns the alert when this fill carries the symbol's average above the high mark. */
    public Optional<SlippageHigh> record(String symbol, BigDecimal slippageBps) {
        return observe(symbol, slippageBps).alert();
    }

    /** Adds one entry fill: the alert and the switch of entry mode it causes, if any. */
    public Observation observe(String symbol, BigDecimal slippageBps) {
        ExecutionPolicy limits = policy.get();
        Window state = load(symbol);
        List<BigDecimal> samples = new ArrayList<>(state.samples());
        samples.add(slippageBps);
        while (samples.size() > limits.slippageWindowOrders()) {
            samples.remove(0);
        }
        BigDecimal mean = samples.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(samples.size()), 4, RoundingMode.HALF_EVEN);
        boolean high = state.alerting()
                ? mean.compareTo(limits.slippageRecoverBps()) > 0
                : samples.size() * 2 >= limits.slippageWindowOrders() && mean.compareTo(limits.slippageHighBps()) > 0;
        store.put(key(symbol), EventJson.write(new Window(samples, high)));
        if (high == state.alerting()) {
            return Observation.NOTHING;
        }
        Optional<SlippageHigh> alert = high
                ? Optional.of(new SlippageHigh(symbol, mean, limits.slippageHighBps(), samples.size()))
                : Optional.empty();
        Optional<EntryModeChanged> switched = Optional.empty();
        if (limits.adaptiveEntry() == AdaptiveEntry.LIMIT_IOC) {
            switched = Optional.of(new EntryModeChanged(symbol, high ? LIMIT_IOC : MARKET, high ? MARKET : LIMIT_IOC,
                    mean, high ? limits.slippageHighBps() : limits.slippageRecoverBps(), samples.size()));
            LOG.warn("adaptive execution: {} entries now {} (rolling slippage {} bps over {} fills, {} mark {} bps)",
                    symbol, high ? LIMIT_IOC : MARKET, mean.toPlainString(), samples.size(),
                    high ? "high" : "recovery",
                    (high ? limits.slippageHighBps() : limits.slippageRecoverBps()).toPlainString());
        }
        return new Observation(alert, switched);
    }

    /**
     * How far beyond the reference price the symbol's next entry may trade, in basis points, when it must be a limit
     * IOC order; empty when it goes to market (slippage normal, or adaptive entries off).
     */
    public Optional<BigDecimal> limitOffsetBps(String symbol) {
        ExecutionPolicy limits = policy.get();
        if (limits.adaptiveEntry() != AdaptiveEntry.LIMIT_IOC || !load(symbol).alerting()) {
            return Optional.empty();
        }
        return Optional.of(limits.limitOffsetBps());
    }

    private Window load(String symbol) {
        return store.get(key(symbol)).map(json -> EventJson.read(json, Window.class)).orElse(new Window(List.of(), false));
    }

    private static String key(String symbol) {
        return "slippage:" + symbol;
    }

    private static Supplier<ExecutionPolicy> fixed(int window, BigDecimal thresholdBps) {
        if (window < 1) {
            throw new IllegalArgumentException("slippage window must hold at least one fill");
        }
        if (thresholdBps == null || thresholdBps.signum() < 0) {
            throw new IllegalArgumentException("slippage threshold must not be negative");
        }
        ExecutionPolicy fixed = new ExecutionPolicy(window, thresholdBps, thresholdBps, AdaptiveEntry.OFF,
                ExecutionPolicy.DEFAULTS.limitOffsetBps());
        return () -> fixed;
    }

    /** What one fill changed: an alert when the symbol turned high, a switch when adaptive entries are on. */
    public record Observation(Optional<SlippageHigh> alert, Optional<EntryModeChanged> modeChange) {
        static final Observation NOTHING = new Observation(Optional.empty(), Optional.empty());
    }

    /** The persisted rolling window of one symbol and whether it is currently high. */
    record Window(List<BigDecimal> samples, boolean alerting) {
    }
}
