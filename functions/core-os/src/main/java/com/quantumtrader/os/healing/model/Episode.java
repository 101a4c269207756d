package com.quantumtrader.os.healing.model;

import java.time.Instant;

/** The action taken on a strategy and when its episode started. */
public record Episode(String action, Instant startedAt) {
}
