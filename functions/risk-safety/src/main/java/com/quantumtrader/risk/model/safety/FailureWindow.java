package com.quantumtrader.risk.model.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Times of recent order failures, kept only as long as the sliding window needs them. */
public record FailureWindow(List<Instant> failedAt) {

    public FailureWindow {
        failedAt = List.copyOf(failedAt);
    }

    public static FailureWindow empty() {
        return new FailureWindow(List.of());
    }

    /** This window with a failure at {@code at} added and those older than {@code window} before it dropped. */
    public FailureWindow with(Instant at, Duration window) {
        Instant from = at.minus(window);
        List<Instant> kept = new ArrayList<>();
        for (Instant failure : failedAt) {
            if (!failure.isBefore(from)) {
                kept.add(failure);
            }
        }
        kept.add(at);
        return new FailureWindow(kept);
    }

    public int size() {
        return failedAt.size();
    }
}
