package com.quantumtrader.core.lambda;

import com.quantumtrader.events.BusEvent;

/**
 * Where a Lambda's handler output goes: EventBridge in AWS, a recording list in tests. Its own type (not a
 * {@code Consumer}) so Spring Cloud Function never mistakes it for a function it could route to.
 */
@FunctionalInterface
public interface EventPublisher {

    void publish(BusEvent event);
}
