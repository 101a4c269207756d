package com.quantumtrader.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard on a loopback port: {@code GET /} the page (it holds no data, so it needs no token; the token
 * travels in the URL fragment, which browsers never send), {@code GET /dashboard/snapshot} and
 * {@code GET /dashboard/stream?after=N} (Server-Sent Events) behind the API's bearer tokens, and the API's own
 * routes passed through to the local API. Errors are problem details like the API's. Requests and tokens are not
 * logged.
 */
final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_STREAMS = 8;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final HttpServer server;
    private final ExecutorService workers;
    private final DashboardFeed feed;
    private final BearerTokens tokens;
    private final ApiProxy proxy;
    private final DashboardPage page;
    private final Duration keepAlive;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    private DashboardServer(HttpServer server, ExecutorService workers, DashboardFeed feed, BearerTokens tokens,
                            ApiProxy proxy, DashboardPage page, Duration keepAlive) {
        this.server = server;
        this.workers = workers;
        this.feed = feed;
        this.tokens = tokens;
        this.proxy = proxy;
        this.page = page;
        this.keepAlive = keepAlive;
    }

    static DashboardServer start(int port, BearerTokens tokens, DashboardFeed feed, URI api, Duration keepAlive)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // streams hold a thread each for as long as a page is open; the rest is quick
        ExecutorService workers = Executors.newFixedThreadPool(MAX_STREAMS + 4, runnable -> {
            Thread thread = new Thread(runnable, "dashboard-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        DashboardServer dashboard = new DashboardServer(server, workers, feed, tokens, new ApiProxy(api),
                DashboardPage.load(), keepAlive);
        server.createContext("/", dashboard::serve);
        server.start();
        return dashboard;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        feed.close();
        server.stop(0);
        workers.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            common(exchange);
            if (path.equals("/") || path.equals("/index.html")) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    methodNotAllowed(exchange, path, "GET");
                    return;
                }
                exchange.getResponseHeaders().set("Content-Security-Policy", page.contentSecurityPolicy());
                send(exchange, 200, "text/html; charset=utf-8", method.equals("HEAD") ? new byte[0] : page.html());
            } else if (ApiProxy.serves(path)) {
                passOn(exchange, method);
            } else if (path.equals("/dashboard/snapshot") || path.equals("/dashboard/stream")) {
                if (!tokens.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"quantum-trader\"");
                    problem(exchange, 401, "unauthenticated", "Unauthenticated",
                            "send Authorization: Bearer <token> with the token printed at start", path);
                } else if (!method.equals("GET")) {
                    methodNotAllowed(exchange, path, "GET");
                } else if (path.equals("/dashboard/snapshot")) {
                    send(exchange, 200, "application/json", EventJson.write(feed.snapshot())
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    stream(exchange, path);
                }
            } else {
                problem(exchange, 404, "not-found", "Not found", "no route for " + path, path);
            }
        } catch (RuntimeException e) {
            LOG.error("dashboard request failed", e);
        }
    }

    private static void common(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    }

    private void passOn(HttpExchange exchange, String method) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            problem(exchange, 413, "body-too-large", "Body too large",
                    "a request body may have at most " + MAX_BODY_BYTES + " bytes", path);
            return;
        }
        String raw = exchange.getRequestURI().getRawPath()
                + Optional.ofNullable(exchange.getRequestURI().getRawQuery()).map(q -> "?" + q).orElse("");
        ApiProxy.Answer answer;
        try {
            answer = proxy.forward(method, raw, name -> exchange.getRequestHeaders().getFirst(name), body);
        } catch (IOException e) {
            LOG.warn("the local API did not answer the dashboard: {}", e.toString());
            problem(exchange, 502, "api-unreachable", "API unreachable",
                    "the local API did not answer: " + e.getClass().getSimpleName(), path);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        send(exchange, answer.status(), answer.headers().getOrDefault("Content-Type", "application/json"),
                answer.body());
    }

    /**
     * Server-Sent Events: every message after {@code after} (or {@code Last-Event-ID}), then each new one as it
     * happens, with a comment line as keep-alive. A reader too far behind gets {@code event: gap} and the stream
     * ends: the page loads the snapshot again and reconnects from there.
     */
    private void stream(HttpExchange exchange, String path) throws IOException {
        Optional<Long> after = after(exchange);
        if (after.isEmpty()) {
            problem(exchange, 400, "invalid-parameter", "Invalid parameter",
                    "after (or Last-Event-ID) must be a non-negative integer: the last message seq the page has",
                    path);
            return;
        }
        if (!streams.tryAcquire()) {
            problem(exchange, 503, "too-many-streams", "Too many streams",
                    "at most " + MAX_STREAMS + " dashboard pages can follow the run at once", path);
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            long last = after.get();
            out.write(("retry: 1000\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                DashboardFeed.Batch batch = feed.awaitAfter(last, keepAlive);
                if (batch.closed()) {
                    return;
                }
                StringBuilder text = new StringBuilder();
                if (batch.gap()) {
                    text.append("event: gap\ndata: {\"last_seq\":").append(feed.lastSeq()).append("}\n\n");
                } else if (batch.messages().isEmpty()) {
                    text.append(": keep-alive\n\n");
                }
                for (DashboardFeed.Message message : batch.messages()) {
                    text.append("id: ").append(message.seq()).append('\n')
                            .append("event: ").append(message.type()).append('\n')
                            .append("data: ").append(EventJson.write(message.data())).append("\n\n");
                    last = message.seq();
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (batch.gap()) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the page went away; nothing to clean up but the thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
        }
    }

    private static Optional<Long> after(HttpExchange exchange) {
        String text = query(exchange.getRequestURI().getRawQuery(), "after");
        if (text == null) {
            text = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        }
        if (text == null) {
            return Optional.of(0L);
        }
        try {
            long value = Long.parseLong(text.trim());
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String query(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void methodNotAllowed(HttpExchange exchange, String path, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        problem(exchange, 405, "method-not-allowed", "Method not allowed",
                exchange.getRequestMethod() + " is not allowed on " + path + "; allowed: " + allowed, path);
    }

    /** RFC 9457 problem details, shaped like the API's. */
    private static void problem(HttpExchange exchange, int status, String kind, String title, String detail,
                                String path) throws IOException {
        ObjectNode problem = EventJson.mapper().createObjectNode();
        problem.put("type", "https://quantumtrader.com/problems/" + kind);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", path);
        send(exchange, status, "application/problem+json", EventJson.write(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean empty = body.length == 0;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
