package com.quantumtrader.os.regime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last closes of one symbol and interval (oldest first), the newest close time, and the regime last published. */
record RegimeWindow(List<BigDecimal> closes, Instant lastCloseTime, Regime regime) {

    RegimeWindow {
        closes = List.copyOf(closes);
    }

    static RegimeWindow empty() {
        return new RegimeWindow(List.of(), null, null);
    }

    boolean accepts(Instant closeTime) {
        return lastCloseTime == null || closeTime.isAfter(lastCloseTime);
    }

    RegimeWindow append(BigDecimal close, Instant closeTime, int capacity) {
        List<BigDecimal> next = new ArrayList<>(closes);
        next.add(close);
        while (next.size() > capacity) {
            next.remove(0);
        }
        return new RegimeWindow(next, closeTime, regime);
    }

    RegimeWindow withRegime(Regime value) {
        return new RegimeWindow(closes, lastCloseTime, value);
    }
}
