package com.quantumtrader.api.routes;

import java.util.Arrays;
import java.util.Locale;

/**
 * The three function URLs. Each Lambda serves exactly one group (pinned by {@value #VARIABLE}), so a request to
 * the health URL can never reach an admin route; the local server serves all three.
 */
public enum RouteGroup {
    HEALTH("/health"),
    /** The read-only views: trading state and the model registry. */
    TRADING("/trading", "/models"),
    ADMIN("/admin");

    /** Variable that pins a Lambda to its group. */
    public static final String VARIABLE = "API_ROUTES";

    private final java.util.List<String> prefixes;

    RouteGroup(String... prefixes) {
        this.prefixes = java.util.List.of(prefixes);
    }

    boolean owns(String path) {
        return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    public static RouteGroup fromId(String id) {
        return Arrays.stream(values())
                .filter(group -> group.name().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(VARIABLE + " must be one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", got '" + id + "'"));
    }
}
