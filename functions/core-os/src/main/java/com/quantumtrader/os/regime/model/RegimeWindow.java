package com.quantumtrader.os.regime.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last closes of one symbol and interval (oldest first), the newest close time, and the regime last published. */
public record RegimeWindow(List<BigDecimal> closes, Instant lastCloseTime, Regime regime) {

    public RegimeWindow {
        closes = List.copyOf(closes);
    }

    public static RegimeWindow empty() {
        return new RegimeWindow(List.of(), null, null);
    }

    public boolean accepts(Instant closeTime) {
        return lastCloseTime == null || closeTime.isAfter(lastCloseTime);
    }

    public RegimeWindow append(BigDecimal close, Instant closeTime, int capacity) {
        List<BigDecimal> next = new ArrayList<>(closes);
        next.add(close);
        while (next.size() > capacity) {
            next.remove(0);
        }
        return new RegimeWindow(next, closeTime, regime);
    }

    public RegimeWindow withRegime(Regime value) {
        return new RegimeWindow(closes, lastCloseTime, value);
    }
}
