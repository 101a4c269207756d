package com.quantumtrader.ai.supervision;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** A model's last trade outcomes, oldest first, and whether its degradation has already been reported. */
record OutcomeWindow(List<Outcome> outcomes, boolean degraded) {

    OutcomeWindow {
        outcomes = List.copyOf(outcomes);
    }

    static OutcomeWindow empty() {
        return new OutcomeWindow(List.of(), false);
    }

    boolean contains(String tradeId) {
        return outcomes.stream().anyMatch(o -> o.tradeId().equals(tradeId));
    }

    OutcomeWindow add(Outcome outcome, int capacity) {
        List<Outcome> next = new ArrayList<>(outcomes);
        next.add(outcome);
        while (next.size() > capacity) {
            next.remove(0);
        }
        return new OutcomeWindow(next, degraded);
    }

    OutcomeWindow withDegraded(boolean value) {
        return new OutcomeWindow(outcomes, value);
    }

    double winRate() {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::win).count() / outcomes.size();
    }

    double meanR() {
        if (outcomes.isEmpty()) {
            return 0;
        }
        BigDecimal sum = outcomes.stream().map(Outcome::rMultiple).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(outcomes.size()), MathContext.DECIMAL64).doubleValue();
    }

    record Outcome(String tradeId, BigDecimal rMultiple, boolean win) {
    }
}
