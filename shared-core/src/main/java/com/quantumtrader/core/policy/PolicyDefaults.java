package com.quantumtrader.core.policy;

/**
 * The shipped default policy: the composition of every installed section's defaults (each written once, in its
 * schema fragment): sensible limits for a small (10,000 USDT) account.
 */
public final class PolicyDefaults {

    private PolicyDefaults() {
    }

    public static Policy load() {
        return PolicySections.installed().defaults();
    }
}
