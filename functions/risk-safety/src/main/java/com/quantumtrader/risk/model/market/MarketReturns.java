package com.quantumtrader.risk.model.market;

import com.quantumtrader.core.memo.StepMemo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Returns of bar closes and the correlation of two symbols' returns. Returns are statistics, not money, so they are
 * computed in double.
 */
public final class MarketReturns {

    /** The correlation windows of a few dozen symbols; small enough to stay in cache. */
    private static final int RETURN_MEMO_LIMIT = 8_192;

    /**
     * Each bar's return, by the two closes it spans: a window slides one bar at a time, so without this every
     * bar recomputed the window's hundred or so decimal divisions. A pure function's results, so the memo changes
     * no number.
     */
    private final StepMemo<Close> returnMemo =
            new StepMemo<>(RETURN_MEMO_LIMIT, (previous, current) -> simpleReturn(previous.price(), current.price()));

    /** Simple returns by close time of the bar they end. */
    public Map<Instant, Double> returns(List<Close> closes) {
        Map<Instant, Double> returns = new HashMap<>();
        for (int i = 1; i < closes.size(); i++) {
            returns.put(closes.get(i).at(), returnMemo.apply(closes.get(i - 1), closes.get(i)));
        }
        return returns;
    }

    static double simpleReturn(BigDecimal previous, BigDecimal current) {
        return current.subtract(previous).divide(previous, MathContext.DECIMAL64).doubleValue();
    }

    /**
     * Pearson correlation of two symbols' returns paired by time; empty when fewer than {@code minPairs} pairs
     * (the caller then treats them as correlated, the cautious reading).
     */
    public Optional<Double> correlation(List<Close> a, List<Close> b, int minPairs) {
        Map<Instant, Double> ra = returns(a);
        Map<Instant, Double> rb = returns(b);
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
