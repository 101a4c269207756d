package com.quantumtrader.core.policy;

/**
 * @param maxOrderFailures failures within the window that trip the breaker
 * @param windowMinutes    the sliding window for counting failures
 * @param coolOffMinutes   how long new entries stay blocked once tripped
 */
public record CircuitBreakerPolicy(int maxOrderFailures, int windowMinutes, int coolOffMinutes) {
}
