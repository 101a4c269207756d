package com.quantumtrader.risk.policy;

/**
 * When the trade lifecycle manager calls a trade stuck.
 *
 * @param approvedTimeoutMinutes  approved but no order submitted within this many minutes: the signal is dead and
 *                                its reservation is released
 * @param submittedTimeoutMinutes entry submitted but neither filled nor failed within this many minutes
 */
public record LifecyclePolicy(int approvedTimeoutMinutes, int submittedTimeoutMinutes) {

    /** The shipped value ({@code policy/risk.schema.json}), also taken when a document omits the section. */
    public static final LifecyclePolicy DEFAULTS =
            RiskPolicySection.FRAGMENT.shippedDefault("lifecycle", LifecyclePolicy.class);
}
