package com.quantumtrader.local.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.api.local.LoopbackJetty;
import com.quantumtrader.api.local.RequestBodies;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard on a loopback port: {@code GET /} the page (it holds no data, so it needs no token; the token
 * travels in the URL fragment, which browsers never send), {@code GET /dashboard/snapshot} and
 * {@code GET /dashboard/stream?after=N} (Server-Sent Events) behind the API's bearer tokens, and the API's own
 * routes passed through to the local API. Errors are problem details like the API's. Requests and tokens are not
 * logged.
 *
 * <p>Like the local API it runs on Jetty, so idle and slow clients hold no thread: silent connections are closed
 * after the idle timeout, a request body is read as it arrives and passed on only when complete (a client that
 * leaves earlier has nothing passed on), streams are bounded, and the emergency stop is passed on from a lane of its
 * own.
 */
final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_STREAMS = 8;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** Connections silent this long are closed; streams send a keep-alive well within it. */
    static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final String SAFETY_PATH = "/admin/emergency-stop";

    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService safety;
    private final DashboardFeed feed;
    private final BearerTokens tokens;
    private final ApiProxy proxy;
    private final DashboardPage page;
    private final Duration keepAlive;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    private DashboardServer(Server server, ServerConnector connector, DashboardFeed feed, BearerTokens tokens,
                            ApiProxy proxy, DashboardPage page, Duration keepAlive) {
        this.server = server;
        this.connector = connector;
        this.safety = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dashboard-safety");
            thread.setDaemon(true);
            return thread;
        });
        this.feed = feed;
        this.tokens = tokens;
        this.proxy = proxy;
        this.page = page;
        this.keepAlive = keepAlive;
    }

    static DashboardServer start(int port, BearerTokens tokens, DashboardFeed feed, URI api, Duration keepAlive)
            throws IOException {
        // streams hold a thread each for as long as a page is open; requests are read without one
        Duration idle = keepAlive.multipliedBy(2).compareTo(MIN_IDLE_TIMEOUT) > 0 ? keepAlive.multipliedBy(2)
                : MIN_IDLE_TIMEOUT;
        LoopbackJetty jetty = LoopbackJetty.create("dashboard-http", MAX_STREAMS + 8, port, idle);
        Server server = jetty.server();
        ServerConnector connector = jetty.connector();
        DashboardServer dashboard = new DashboardServer(server, connector, feed, tokens, new ApiProxy(api),
                DashboardPage.load(), keepAlive);
        server.setHandler(dashboard.new Routes());
        try {
            server.start();
        } catch (Exception e) {
            dashboard.close();
            throw new IOException("cannot serve the dashboard on 127.0.0.1:" + port, e);
        }
        return dashboard;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() {
        feed.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the dashboard: {}", e.toString());
        } finally {
            safety.shutdownNow();
        }
    }

    /** One exchange: the request, its response and the callback that completes it. */
    private record Exchange(Request request, Response response, Callback callback) {

        String path() {
            return Objects.requireNonNullElse(request.getHttpURI().getDecodedPath(), "/");
        }

        String header(String name) {
            return request.getHeaders().get(name);
        }
    }

    private final class Routes extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Exchange exchange = new Exchange(request, response, callback);
            try {
                serve(exchange);
            } catch (RuntimeException e) {
                LOG.error("dashboard request failed", e);
                callback.failed(e);
            }
            return true;
        }
    }

    private void serve(Exchange exchange) {
        String path = exchange.path();
        String method = exchange.request().getMethod();
        common(exchange);
        if (path.equals("/") || path.equals("/index.html")) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                methodNotAllowed(exchange, path, "GET");
                return;
            }
            exchange.response().getHeaders().put("Content-Security-Policy", page.contentSecurityPolicy());
            send(exchange, 200, "text/html; charset=utf-8", method.equals("HEAD") ? new byte[0] : page.html());
        } else if (ApiProxy.serves(path)) {
            readBody(exchange, body -> {
                if (body.isEmpty()) {
                    problem(exchange, 413, "body-too-large", "Body too large",
                            "a request body may have at most " + MAX_BODY_BYTES + " bytes", path);
                } else if (path.startsWith(SAFETY_PATH)) {
                    try {
                        safety.execute(() -> passOn(exchange, method, body.get()));
                    } catch (RejectedExecutionException closing) {
                        exchange.callback().failed(closing);
                    }
                } else {
                    passOn(exchange, method, body.get());
                }
            });
        } else if (path.equals("/dashboard/snapshot") || path.equals("/dashboard/stream")) {
            if (!tokens.accepts(exchange.header("Authorization"))) {
                exchange.response().getHeaders().put("WWW-Authenticate", "Bearer realm=\"quantum-trader\"");
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
    }

    private static void common(Exchange exchange) {
        exchange.response().getHeaders().put("Cache-Control", "no-store");
        exchange.response().getHeaders().put("X-Content-Type-Options", "nosniff");
        exchange.response().getHeaders().put("Referrer-Policy", "no-referrer");
    }

    /**
     * The whole body, read without holding a thread ({@code complete} gets it, empty when above
     * {@link #MAX_BODY_BYTES}). A client that leaves before it is complete has nothing passed on.
     */
    private static void readBody(Exchange exchange, Consumer<Optional<byte[]>> complete) {
        RequestBodies.read(exchange.request(), MAX_BODY_BYTES, complete, failure -> {
            LOG.warn("{} {} abandoned before its body arrived: not passed on", exchange.request().getMethod(),
                    exchange.path());
            exchange.callback().failed(failure);
        });
    }

    private void passOn(Exchange exchange, String method, byte[] body) {
        String path = exchange.path();
        String raw = exchange.request().getHttpURI().getPath()
                + Optional.ofNullable(exchange.request().getHttpURI().getQuery()).map(q -> "?" + q).orElse("");
        ApiProxy.Answer answer;
        try {
            answer = proxy.forward(method, raw, exchange::header, body);
        } catch (IOException e) {
            LOG.warn("the local API did not answer the dashboard: {}", e.toString());
            problem(exchange, 502, "api-unreachable", "API unreachable",
                    "the local API did not answer: " + e.getClass().getSimpleName(), path);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.callback().failed(e);
            return;
        }
        answer.headers().forEach((name, value) -> exchange.response().getHeaders().put(name, value));
        send(exchange, answer.status(), answer.headers().getOrDefault("Content-Type", "application/json"),
                answer.body());
    }

    /**
     * Server-Sent Events: every message after {@code after} (or {@code Last-Event-ID}), then each new one as it
     * happens, with a comment line as keep-alive. A reader too far behind gets {@code event: gap} and the stream
     * ends: the page loads the snapshot again and reconnects from there.
     */
    private void stream(Exchange exchange, String path) {
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
        Response response = exchange.response();
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            long last = after.get();
            out.write(("retry: 1000\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                DashboardFeed.Batch batch = feed.awaitAfter(last, keepAlive);
                if (batch.closed()) {
                    break;
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
                    break;
                }
            }
        } catch (IOException gone) {
            // the page went away; nothing to clean up but the thread
            exchange.callback().failed(gone);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.callback().failed(e);
            return;
        } finally {
            streams.release();
        }
        exchange.callback().succeeded();
    }

    private static Optional<Long> after(Exchange exchange) {
        String text = query(exchange.request().getHttpURI().getQuery(), "after");
        if (text == null) {
            text = exchange.header("Last-Event-ID");
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

    private static void methodNotAllowed(Exchange exchange, String path, String allowed) {
        exchange.response().getHeaders().put("Allow", allowed);
        problem(exchange, 405, "method-not-allowed", "Method not allowed",
                exchange.request().getMethod() + " is not allowed on " + path + "; allowed: " + allowed, path);
    }

    /** RFC 9457 problem details, shaped like the API's. */
    private static void problem(Exchange exchange, int status, String kind, String title, String detail,
                                String path) {
        ObjectNode problem = EventJson.mapper().createObjectNode();
        problem.put("type", "https://quantumtrader.com/problems/" + kind);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", path);
        send(exchange, status, "application/problem+json", EventJson.write(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Exchange exchange, int status, String contentType, byte[] body) {
        Response response = exchange.response();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), exchange.callback());
    }
}
