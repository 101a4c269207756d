package com.quantumtrader.core.policy;

/**
 * When the trade lifecycle manager calls a trade stuck.
 *
 * @param approvedTimeoutMinutes  approved but no order submitted within this many minutes: the signal is dead and
 *                                its reservation is released (default 5)
 * @param submittedTimeoutMinutes entry submitted but neither filled nor failed within this many minutes (default 15)
 */
public record LifecyclePolicy(int approvedTimeoutMinutes, int submittedTimeoutMinutes) {

    public static final LifecyclePolicy DEFAULTS = new LifecyclePolicy(5, 15);
}
