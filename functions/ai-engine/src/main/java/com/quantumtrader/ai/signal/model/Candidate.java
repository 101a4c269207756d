package com.quantumtrader.ai.signal.model;

import com.quantumtrader.ai.spi.TradeIntent;

/** A planned strategy's intent on a bar, before the engine picks the one signal of the bar. */
public record Candidate(String strategyId, TradeIntent intent) {
}
