package com.quantumtrader.infra;

import com.quantumtrader.events.Domain;
import java.util.Map;

/**
 * Memory and timeout of each function. Lambda gives CPU in proportion to memory, so the handlers on the hot path of
 * every price update and signal get more; learning's handlers train models and get the longest timeout.
 */
record FunctionSizing(int memoryMb, int timeoutSeconds) {

    static final FunctionSizing API = new FunctionSizing(512, 15);

    private static final FunctionSizing DEFAULT = new FunctionSizing(512, 30);

    private static final Map<Domain, FunctionSizing> BY_DOMAIN = Map.of(
            Domain.AI_ENGINE, new FunctionSizing(1024, 30),
            Domain.LEARNING, new FunctionSizing(1536, 300));

    /** Handlers that differ from their domain's default. */
    private static final Map<String, FunctionSizing> BY_HANDLER = Map.of(
            // every price update of every symbol: latency-bound and invoked more than anything else
            "mark_to_market", new FunctionSizing(1024, 30),
            "risk_market_watch", new FunctionSizing(1024, 30),
            "regime_detector", new FunctionSizing(1024, 30),
            // the pre-trade path of every signal
            "global_risk_controller", new FunctionSizing(1024, 30));

    static FunctionSizing of(String handler, Domain domain) {
        return BY_HANDLER.getOrDefault(handler, BY_DOMAIN.getOrDefault(domain, DEFAULT));
    }
}
