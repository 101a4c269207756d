package com.quantumtrader.local.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passes the page's calls to the health, trading, admin and model routes on to the local API over HTTP, unchanged: the
 * API authenticates them (the page's bearer header goes along), validates them and answers with its own status,
 * problem details and ETag. The page thereby talks to one origin, and the dashboard owns no trading or admin logic.
 */
final class ApiProxy {

    static final List<String> PREFIXES = List.of("/health", "/trading", "/admin", "/models");
    /** Request headers the routes read; nothing else is passed on. */
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "If-Match", "Accept");
    static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "ETag", "Allow", "WWW-Authenticate",
            "Cache-Control");
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** What the API answered. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ApiProxy(URI api) {
        this.api = api;
    }

    static boolean serves(String path) {
        return PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /**
     * @param pathAndQuery the raw (still encoded) path and query of the page's request
     * @param headers      the page's request headers, looked up by name
     */
    Answer forward(String method, String pathAndQuery, java.util.function.Function<String, String> headers,
                   byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : REQUEST_HEADERS) {
            Optional.ofNullable(headers.apply(name)).ifPresent(value -> request.header(name, value));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> passed = new LinkedHashMap<>();
        for (String name : RESPONSE_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> passed.put(name, value));
        }
        return new Answer(response.statusCode(), passed, response.body());
    }
}
