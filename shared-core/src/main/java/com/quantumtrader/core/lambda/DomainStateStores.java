package com.quantumtrader.core.lambda;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.events.Domain;

/** A domain's own state store (keys under its prefix): Redis in AWS, memory in tests. */
@FunctionalInterface
public interface DomainStateStores {

    KeyValueStore of(Domain domain);
}
