package com.quantumtrader.core.policy;

/** A write named a version that is no longer current: someone else changed the policy first. Nothing was written. */
public final class PolicyConflictException extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public PolicyConflictException(long expectedVersion, long currentVersion) {
        super("policy version conflict: expected version " + expectedVersion + " but the current version is "
                + currentVersion + "; re-read the policy and retry");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
