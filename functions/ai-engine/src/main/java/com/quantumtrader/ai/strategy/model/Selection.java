package com.quantumtrader.ai.strategy.model;

import java.time.Instant;

/**
 * The meta-strategy selector's last decision.
 *
 * @param strategyId the active variant
 * @param asOf       the performance snapshot the decision was taken on; older snapshots are ignored
 */
public record Selection(String strategyId, Instant asOf) {
}
