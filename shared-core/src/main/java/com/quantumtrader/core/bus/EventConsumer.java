package com.quantumtrader.core.bus;

import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.events.BusEvent;

/**
 * Receives one delivered event. The outcome tells the bus what to do: acknowledge, retry later, or dead-letter.
 */
@FunctionalInterface
public interface EventConsumer {

    HandlerOutcome accept(BusEvent event);
}
