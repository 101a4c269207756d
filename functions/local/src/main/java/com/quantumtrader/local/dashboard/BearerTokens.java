package com.quantumtrader.local.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** The local API's bearer tokens, which the dashboard's own endpoints require too. */
final class BearerTokens {

    private final List<byte[]> tokens;

    BearerTokens(Map<String, String> tokensByName) {
        if (tokensByName.isEmpty()) {
            throw new IllegalArgumentException("the dashboard needs at least one bearer token");
        }
        this.tokens = tokensByName.values().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Compared in constant time against every token, so timing tells nothing about any of them. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            match |= MessageDigest.isEqual(presented, token);
        }
        return match;
    }
}
