package com.quantumtrader.ai.supervision.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** A model's last trade outcomes, oldest first, and whether its degradation has already been reported. */
public record OutcomeWindow(List<Outcome> outcomes, boolean degraded) {

    public OutcomeWindow {
        outcomes = List.copyOf(outcomes);
    }

    public static OutcomeWindow empty() {
        return new OutcomeWindow(List.of(), false);
    }

    public boolean contains(String tradeId) {
        return outcomes.stream().anyMatch(o -> o.tradeId().equals(tradeId));
    }

    public OutcomeWindow add(Outcome outcome, int capacity) {
        List<Outcome> next = new ArrayList<>(outcomes);
        next.add(outcome);
        while (next.size() > capacity) {
            next.remove(0);
        }
        return new OutcomeWindow(next, degraded);
    }

    public OutcomeWindow withDegraded(boolean value) {
        return new OutcomeWindow(outcomes, value);
    }

    public double winRate() {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::win).count() / outcomes.size();
    }

    public double meanR() {
        if (outcomes.isEmpty()) {
            return 0;
        }
        BigDecimal sum = outcomes.stream().map(Outcome::rMultiple).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(outcomes.size()), MathContext.DECIMAL64).doubleValue();
    }

    public record Outcome(String tradeId, BigDecimal rMultiple, boolean win) {
    }
}
