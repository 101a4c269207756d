package com.quantumtrader.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The whole policy document as it was shipped before the sections were split out ({@code policy/reference-policy.json}),
 * for tests of a module whose classpath carries only some sections (a domain's tests see the core section and its
 * own): the other sections' keys ride along unchanged, as in a stored document written by the admin route. The
 * local runtime's tests prove the composed defaults equal it.
 */
public final class TestPolicies {

    private TestPolicies() {
    }

    /** The reference document as JSON (a fresh copy). */
    public static JsonNode referenceJson() {
        try (InputStream in = TestPolicies.class.getResourceAsStream("/policy/reference-policy.json")) {
            if (in == null) {
                throw new IllegalStateException("policy/reference-policy.json is missing from the test classpath");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference document as this classpath's policy. */
    public static Policy reference() {
        return Policy.of(referenceJson());
    }
}
