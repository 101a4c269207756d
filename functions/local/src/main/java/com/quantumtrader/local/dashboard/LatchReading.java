package com.quantumtrader.local.dashboard;

import java.time.Instant;

/**
 * The emergency stop's latch as risk & safety persisted it (read by the runtime, which may see every domain; the
 * dashboard itself depends on none), so the page tells the truth after a restart, before any event of this run.
 */
public record LatchReading(String reason, String value, String threshold, Instant latchedAt) {
}
