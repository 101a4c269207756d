package com.quantumtrader.core.policy;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the policy's audit history: who moved it from one version to the next, when, and what changed.
 *
 * @param fromVersion the version replaced; 0 when this write seeded an empty store
 * @param toVersion   the version written
 * @param actor       who wrote it (an operator, or {@code system:…} for seeding)
 * @param at          when, by the writer's clock
 * @param reason      what kind of write: {@code update}, {@code patch}, {@code restore} or {@code seed}
 * @param changes     every changed field with its old and new value, in path order
 */
public record PolicyAudit(long fromVersion, long toVersion, String actor, Instant at, String reason,
        List<PolicyChange> changes) {

    public PolicyAudit {
        changes = List.copyOf(changes);
    }
}
