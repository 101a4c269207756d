package com.quantumtrader.core.policy;

import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped default policy ({@code default-policy.json}): sensible limits for a small (10,000 USDT) account. */
public final class PolicyDefaults {

    private static final String RESOURCE = "/default-policy.json";

    private PolicyDefaults() {
    }

    public static Policy load() {
        try (InputStream in = PolicyDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return EventJson.mapper().readValue(in, Policy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
