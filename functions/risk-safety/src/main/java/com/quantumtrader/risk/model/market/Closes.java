package com.quantumtrader.risk.model.market;

import java.util.ArrayList;
import java.util.List;

/** A symbol's recent closes, oldest first: what risk remembers of the market (persisted by the market store). */
public record Closes(List<Close> closes) {

    public Closes {
        closes = List.copyOf(closes);
    }

    public boolean contains(Close close) {
        return closes.stream().anyMatch(c -> c.at().equals(close.at()));
    }

    /** These closes and {@code close}, in time order, keeping the last {@code keep} + 1 (so {@code keep} returns). */
    public Closes with(Close close, int keep) {
        List<Close> next = new ArrayList<>(closes);
        next.add(close);
        next.sort((a, b) -> a.at().compareTo(b.at()));
        while (next.size() > keep + 1) {
            next.remove(0);
        }
        return new Closes(next);
    }
}
