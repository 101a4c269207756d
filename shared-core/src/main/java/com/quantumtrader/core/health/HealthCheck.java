package com.quantumtrader.core.health;

/**
 * One probe of a dependency (Redis, the bus, the exchange). It may block or throw: the {@link HealthChecker} runs it
 * off the caller's thread, bounds it with a timeout and reports a throw as {@code DOWN}.
 */
@FunctionalInterface
public interface HealthCheck {

    CheckResult check();
}
