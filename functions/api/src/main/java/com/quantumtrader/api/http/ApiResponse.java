package com.quantumtrader.api.http;

import com.quantumtrader.events.EventJson;
import java.util.Map;

/** What a route answers: a status, a JSON body and its media type, and extra headers (ETag, Allow …). */
public record ApiResponse(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, EventJson.write(body), Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, more);
    }
}
