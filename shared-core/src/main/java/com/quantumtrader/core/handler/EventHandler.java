package com.quantumtrader.core.handler;

import java.util.List;

/**
 * Plain domain code: takes one incoming event and returns the events to publish. No I/O of its own beyond its
 * domain's state; time only from the injected clock. The runtime around it decodes, deduplicates, traces,
 * publishes and counts.
 */
@FunctionalInterface
public interface EventHandler {

    List<Emit> handle(InboundEvent event);
}
