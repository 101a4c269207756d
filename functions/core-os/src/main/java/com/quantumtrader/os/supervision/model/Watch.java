package com.quantumtrader.os.supervision.model;

import java.time.Instant;

/** The newest snapshot seen (null before the first) and whether the current drawdown episode was reported. */
public record Watch(Instant lastAsOf, boolean drawdownLatched) {

    public static final Watch NONE = new Watch(null, false);
}
