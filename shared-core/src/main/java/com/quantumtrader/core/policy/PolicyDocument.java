package com.quantumtrader.core.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored form of the policy: the policy with its version (1 for the first document, +1 per write), when and by
 * whom it was last written. Serialised as {@code {"version":N,"policy":{…},"updated_at":…,"updated_by":…}}; this
 * is also the snapshot format.
 */
public record PolicyDocument(long version, Policy policy, Instant updatedAt, String updatedBy) {

    public PolicyDocument {
        if (version < 1) {
            throw new IllegalArgumentException("policy version must be at least 1, got " + version);
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }
}
