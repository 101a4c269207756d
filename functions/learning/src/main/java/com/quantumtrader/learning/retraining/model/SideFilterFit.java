package com.quantumtrader.learning.retraining.model;

import com.quantumtrader.events.Side;
import com.quantumtrader.learning.journal.model.JournalEntry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits which sides a model should trade from its recorded trades. Per side it measures the expectancy (mean R
 * multiple); a side with at least {@value #MIN_SIDE_TRADES} trades and an expectancy at or below zero is dropped,
 * a side with fewer trades is kept (too little evidence to drop it). Keeping exactly the sides with positive mean
 * R maximises the in-sample total R, so this is the best of the four side subsets. The score is the in-sample
 * expectancy per trading opportunity: the R of the kept sides' trades divided by all trades (a skipped trade
 * earns 0 R).
 */
public final class SideFilterFit {

    public static final int MIN_SIDE_TRADES = 5;

    private SideFilterFit() {
    }

    public record Result(List<Side> allowedSides, double score, Map<String, String> parameters) {
    }

    public static Result fit(List<JournalEntry> trades) {
        if (trades.isEmpty()) {
            throw new IllegalArgumentException("cannot fit on no trades");
        }
        Map<String, String> parameters = new TreeMap<>();
        List<Side> allowed = new ArrayList<>();
        BigDecimal keptR = BigDecimal.ZERO;
        for (Side side : Side.values()) {
            List<BigDecimal> rs = trades.stream().filter(t -> t.side() == side).map(JournalEntry::rMultiple).toList();
            BigDecimal sum = rs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            String prefix = side.name().toLowerCase();
            parameters.put(prefix + "_trades", Integer.toString(rs.size()));
            if (!rs.isEmpty()) {
                parameters.put(prefix + "_expectancy_r", sum.divide(BigDecimal.valueOf(rs.size()), 4,
                        RoundingMode.HALF_EVEN).toPlainString());
            }
            if (rs.size() < MIN_SIDE_TRADES || sum.signum() > 0) {
                allowed.add(side);
                keptR = keptR.add(sum);
            }
        }
        parameters.put("allowed_sides", allowed.isEmpty() ? "NONE"
                : String.join(",", allowed.stream().map(Side::name).toList()));
        parameters.put("trades", Integer.toString(trades.size()));
        double score = keptR.divide(BigDecimal.valueOf(trades.size()), MathContext.DECIMAL64)
                .setScale(4, RoundingMode.HALF_EVEN).doubleValue();
        return new Result(List.copyOf(allowed), score, parameters);
    }
}
