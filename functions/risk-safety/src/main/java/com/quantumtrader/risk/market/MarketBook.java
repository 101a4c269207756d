package com.quantumtrader.risk.market;

import com.quantumtrader.core.memo.StepMemo;
import com.quantumtrader.core.state.KeyValueStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Risk's own memory of the market: the latest close of each symbol (for the price collar) and its recent bar
 * closes (for volatility and correlation). Returns are statistics, not money, so they are computed in double.
 */
public final class MarketBook {

    /** The correlation windows of a few dozen symbols; small enough to stay in cache. */
    private static final int RETURN_MEMO_LIMIT = 8_192;

    private final KeyValueStore state;
    /**
     * Each bar's return, by the two closes it spans: a window slides one bar at a time, so without this every
     * bar recomputed the window's hundred or so decimal divisions. A pure function's results, so the memo changes
     * no number.
     */
    private final StepMemo<Close> returnMemo =
            new StepMemo<>(RETURN_MEMO_LIMIT, (previous, current) -> simpleReturn(previous.price(), current.price()));

    public MarketBook(KeyValueStore state) {
        this.state = state;
    }

    /** One close, with the bar's close time so two symbols' returns are paired by time. */
    public record Close(Instant at, BigDecimal price) {
    }

    record Closes(List<Close> closes) {
        Closes {
            closes = List.copyOf(closes);
        }
    }

    public Optional<BigDecimal> latestPrice(String symbol) {
        List<Close> closes = closes(symbol);
        return closes.isEmpty() ? Optional.empty() : Optional.of(closes.get(closes.size() - 1).price());
    }

    public List<Close> closes(String symbol) {
        return state.getJson("closes:" + symbol, Closes.class).map(Closes::closes)
                .orElse(List.of());
    }

    /** Adds a close unless one at the same time is known; keeps {@code keep} returns (keep + 1 closes). */
    public boolean record(String symbol, Close close, int keep) {
        List<Close> closes = new ArrayList<>(closes(symbol));
        if (closes.stream().anyMatch(c -> c.at().equals(close.at()))) {
            return false;
        }
        closes.add(close);
        closes.sort((a, b) -> a.at().compareTo(b.at()));
        while (closes.size() > keep + 1) {
            closes.remove(0);
        }
        state.putJson("closes:" + symbol, new Closes(closes));
        return true;
    }

    /** Simple returns by close time of the bar they end. */
    public Map<Instant, Double> returns(List<Close> closes) {
        Map<Instant, Double> returns = new HashMap<>();
        for (int i = 1; i < closes.size(); i++) {
            returns.put(closes.get(i).at(), returnMemo.apply(closes.get(i - 1), closes.get(i)));
        }
        return returns;
    }

    private static double simpleReturn(BigDecimal previous, BigDecimal current) {
        return current.subtract(previous).divide(previous, MathContext.DECIMAL64).doubleValue();
    }

    /**
     * Pearson correlation of two symbols' returns paired by time; empty when fewer than {@code minPairs} pairs
     * (the caller then treats them as correlated, the cautious reading).
     */
    public Optional<Double> correlation(String a, String b, int minPairs) {
        Map<Instant, Double> ra = returns(closes(a));
        Map<Instant, Double> rb = returns(closes(b));
        List<double[]> pairs = new ArrayList<>();
        ra.keySet().stream().sorted().filter(rb::containsKey).forEach(t -> pairs.add(new double[] {ra.get(t), rb.get(t)}));
        if (pairs.size() < minPairs) {
            return Optional.empty();
        }
        double meanA = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanB = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (double[] p : pairs) {
            cov += (p[0] - meanA) * (p[1] - meanB);
            varA += (p[0] - meanA) * (p[0] - meanA);
            varB += (p[1] - meanB) * (p[1] - meanB);
        }
        if (varA == 0 || varB == 0) {
            return Optional.of(0.0);
        }
        return Optional.of(cov / Math.sqrt(varA * varB));
    }
}
