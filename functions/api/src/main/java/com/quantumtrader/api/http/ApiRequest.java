package com.quantumtrader.api.http;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the routes see it, whichever door it came through (a Lambda function URL or the local
 * server). The caller is already authenticated: {@code actor} is the IAM principal or the local token's name.
 *
 * @param headers header names in lower case
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         String body, String actor) {

    public ApiRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        path = normalise(Objects.requireNonNull(path, "path"));
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
        Objects.requireNonNull(actor, "actor");
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    private static String normalise(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.isEmpty() ? "/" : trimmed;
    }
}
