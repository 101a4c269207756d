package com.quantumtrader.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same routes as the function URLs, served on a local port (loopback only) by the JDK's HTTP server. Instead
 * of IAM, every request needs {@code Authorization: Bearer <token>}; the token's name is the actor of every change
 * (so the audit shows {@code token:alice}, never the token).
 */
public final class LocalApiServer implements AutoCloseable {

    /** Bodies above this size are refused: a policy patch is a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService workers;

    private LocalApiServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Serves every route group on {@code 127.0.0.1:port} (0 picks a free port).
     *
     * @param tokens token name -> token; a name is the actor of that token's requests
     */
    static LocalApiServer start(int port, Map<String, String> tokens, ApiServices services) throws IOException {
        return start(port, tokens, ApiRouter.serving(EnumSet.allOf(RouteGroup.class), services));
    }

    static LocalApiServer start(int port, Map<String, String> tokens, ApiRouter router) throws IOException {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the local API needs at least one bearer token");
        }
        tokens.forEach((name, token) -> {
            if (name.isBlank() || token == null || token.length() < 16) {
                throw new IllegalArgumentException("token '" + name + "' must have a name and at least 16 characters");
            }
        });
        Map<String, String> byName = Map.copyOf(tokens);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(exchange, byName, router));
        server.start();
        return new LocalApiServer(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static void serve(HttpExchange exchange, Map<String, String> tokens, ApiRouter router) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Optional<String> actor = actor(exchange.getRequestHeaders().getFirst("Authorization"), tokens);
            ApiResponse response;
            if (actor.isEmpty()) {
                response = Problem.of(401, "unauthenticated", "Unauthenticated",
                        "send Authorization: Bearer <token> with one of the configured tokens").at(path).response()
                        .withHeader("WWW-Authenticate", "Bearer realm=\"quantum-trader\"");
            } else {
                Optional<String> body = body(exchange);
                response = body.isEmpty()
                        ? Problem.of(413, "body-too-large", "Body too large",
                                "a request body may have at most " + MAX_BODY_BYTES + " bytes").at(path).response()
                        : router.handle(new ApiRequest(exchange.getRequestMethod(), path,
                                query(exchange.getRequestURI().getRawQuery()), headers(exchange), body.get(), actor.get()));
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** {@code token:<name>} of the matching token; compared in constant time so timing reveals no token. */
    static Optional<String> actor(String authorization, Map<String, String> tokens) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, String> entry : tokens.entrySet()) {
            if (MessageDigest.isEqual(presented, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match).map(name -> "token:" + name);
    }

    private static Optional<String> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Authorization")) { // the routes never need the token
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return headers;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

}
