package com.quantumtrader.api.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): a type URI naming the kind of problem,
 * a short title, the HTTP status, a detail for this occurrence, the request path as instance, and extension
 * members (e.g. every validation error, or the current policy version of a conflict).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    private static final String TYPES = "https://quantumtrader.com/problems/";

    public Problem {
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(TYPES + kind, title, status, detail, null, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return new java.util.TreeMap<>(extensions);
    }

    public ApiResponse response() {
        return new ApiResponse(status, ApiResponse.PROBLEM_JSON, com.quantumtrader.events.EventJson.write(this), Map.of());
    }
}
