package com.quantumtrader.core.handler;

import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.core.state.KeyValueStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What a domain's handlers may use: the injected clock, the domain's own state (keys under its prefix) and the
 * policy. Nothing else crosses into domain code.
 */
public record DomainServices(Clock clock, KeyValueStore state, PolicyReader policy) {

    public DomainServices {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policy, "policy");
    }
}
