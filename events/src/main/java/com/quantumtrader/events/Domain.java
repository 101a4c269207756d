package com.quantumtrader.events;

import java.util.Arrays;

/** The six business domains. Their id is the envelope's {@code producer} and, prefixed, the EventBridge {@code source}. */
public enum Domain {
    AI_ENGINE("ai_engine"),
    EXECUTION("execution"),
    RISK_SAFETY("risk_safety"),
    PORTFOLIO("portfolio"),
    LEARNING("learning"),
    CORE_OS("core_os");

    private final String id;

    Domain(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** EventBridge {@code source} of events this domain produces. */
    public String source() {
        return "quantum." + id;
    }

    public static Domain fromId(String id) {
        return Arrays.stream(values())
                .filter(d -> d.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown domain '" + id + "'"));
    }
}
