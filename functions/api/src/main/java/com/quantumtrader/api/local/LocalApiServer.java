package com.quantumtrader.api.local;

import com.quantumtrader.api.http.ApiRequest;
import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.routes.ApiRouter;
import com.quantumtrader.api.routes.ApiServices;
import com.quantumtrader.api.http.Problem;
import com.quantumtrader.api.routes.RouteGroup;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same routes as the function URLs, served on a local port (loopback only). Instead of IAM, every request needs
 * {@code Authorization: Bearer <token>}; the token's name is the actor of every change (so the audit shows
 * {@code token:alice}, never the token).
 *
 * <p>Built so that slow or idle clients cannot take it down (Jetty, whose selectors read requests without holding a
 * thread): a connection silent for the idle timeout is closed; a route runs only once its whole request, body
 * included, has arrived, so a client that disconnects before its body is complete never has it carried out; routes
 * run on a bounded pool whose queue refuses (503) rather than grows, and a request that waited longer than the queue
 * timeout is answered 503 unexecuted, its client having most likely given up. The safety commands (emergency stop
 * and its reset) have a lane of their own, so they are served however busy the other routes are.
 */
public final class LocalApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);

    /** Bodies above this size are refused: a policy patch is a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The reserved lane's routes. */
    static final String SAFETY_PATH = "/admin/emergency-stop";

    /**
     * @param idleTimeout  a connection with no byte in or out for this long is closed (slow or idle clients)
     * @param queueTimeout a request not started within this long is answered 503 without being carried out
     * @param workers      threads for the routes (the safety lane has one more of its own)
     * @param queue        requests waiting for a worker at most; beyond that 503 at once
     */
    record Limits(Duration idleTimeout, Duration queueTimeout, int workers, int queue) {

        static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), 4, 32);

        Limits {
            if (idleTimeout.isNegative() || idleTimeout.isZero() || queueTimeout.isNegative() || workers < 1
                    || queue < 1) {
                throw new IllegalArgumentException("limits must be positive: " + idleTimeout + ", " + queueTimeout
                        + ", " + workers + " workers, queue " + queue);
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor routes;
    private final ThreadPoolExecutor safety;
    private final AtomicLong abandoned = new AtomicLong();

    private LocalApiServer(Server server, ServerConnector connector, ThreadPoolExecutor routes,
                           ThreadPoolExecutor safety) {
        this.server = server;
        this.connector = connector;
        this.routes = routes;
        this.safety = safety;
    }

    /**
     * Serves every route group on {@code 127.0.0.1:port} (0 picks a free port).
     *
     * @param tokens token name -> token; a name is the actor of that token's requests
     */
    static LocalApiServer start(int port, Map<String, String> tokens, ApiServices services) throws IOException {
        return start(port, tokens, ApiRouter.serving(EnumSet.allOf(RouteGroup.class), services), Limits.DEFAULT);
    }

    static LocalApiServer start(int port, Map<String, String> tokens, ApiServices services, Limits limits)
            throws IOException {
        return start(port, tokens, ApiRouter.serving(EnumSet.allOf(RouteGroup.class), services), limits);
    }

    static LocalApiServer start(int port, Map<String, String> tokens, ApiRouter router) throws IOException {
        return start(port, tokens, router, Limits.DEFAULT);
    }

    static LocalApiServer start(int port, Map<String, String> tokens, ApiRouter router, Limits limits)
            throws IOException {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the local API needs at least one bearer token");
        }
        tokens.forEach((name, token) -> {
            if (name.isBlank() || token == null || token.length() < 16) {
                throw new IllegalArgumentException("token '" + name + "' must have a name and at least 16 characters");
            }
        });
        Map<String, String> byName = Map.copyOf(tokens);
        // Jetty's own threads only accept, read and write (never blocking on a client); routes run on the lanes
        LoopbackJetty jetty = LoopbackJetty.create("local-api-io", 8, port, limits.idleTimeout());
        Server server = jetty.server();
        ServerConnector connector = jetty.connector();
        LocalApiServer api = new LocalApiServer(server, connector, lane("local-api", limits.workers(), limits.queue()),
                lane("local-api-safety", 1, limits.queue()));
        server.setHandler(api.new Routes(byName, router, limits.queueTimeout()));
        try {
            server.start();
        } catch (Exception e) {
            api.close();
            throw new IOException("cannot serve the local API on 127.0.0.1:" + port, e);
        }
        return api;
    }

    private static ThreadPoolExecutor lane(String name, int threads, int queue) {
        ThreadPoolExecutor lane = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, name);
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        return lane;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Requests waiting for a route worker (the safety lane's excluded). */
    int queuedRequests() {
        return routes.getQueue().size();
    }

    /** Requests dropped unexecuted: their client went away before the body arrived, or they waited too long. */
    long abandonedRequests() {
        return abandoned.get();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the local API: {}", e.toString());
        } finally {
            routes.shutdownNow();
            safety.shutdownNow();
        }
    }

    /** Reads a request without blocking, then hands it to its lane. */
    private final class Routes extends Handler.Abstract.NonBlocking {

        private final Map<String, String> tokens;
        private final ApiRouter router;
        private final long queueTimeoutNanos;

        Routes(Map<String, String> tokens, ApiRouter router, Duration queueTimeout) {
            this.tokens = tokens;
            this.router = router;
            this.queueTimeoutNanos = queueTimeout.toNanos();
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Objects.requireNonNullElse(request.getHttpURI().getDecodedPath(), "/");
            Optional<String> actor = actor(request.getHeaders().get(HttpHeader.AUTHORIZATION), tokens);
            if (actor.isEmpty()) {
                reply(response, callback, Problem.of(401, "unauthenticated", "Unauthenticated",
                        "send Authorization: Bearer <token> with one of the configured tokens").at(path).response()
                        .withHeader("WWW-Authenticate", "Bearer realm=\"quantum-trader\""));
                return true;
            }
            if (request.getLength() > MAX_BODY_BYTES) {
                reply(response, callback, tooLarge(path));
                return true;
            }
            RequestBodies.read(request, MAX_BODY_BYTES, body -> {
                if (body.isEmpty()) {
                    reply(response, callback, tooLarge(path));
                    return;
                }
                ApiRequest apiRequest = new ApiRequest(request.getMethod(), path,
                        query(request.getHttpURI().getQuery()), headers(request),
                        new String(body.get(), StandardCharsets.UTF_8), actor.get());
                dispatch(apiRequest, request, response, callback);
            }, failure -> {
                abandoned.incrementAndGet();
                LOG.warn("{} {} abandoned before its body arrived ({}): not carried out", request.getMethod(), path,
                        failure.toString());
                callback.failed(failure);
            });
            return true;
        }

        private void dispatch(ApiRequest apiRequest, Request request, Response response, Callback callback) {
            long queuedAt = System.nanoTime();
            ThreadPoolExecutor lane = apiRequest.path().startsWith(SAFETY_PATH) ? safety : routes;
            try {
                lane.execute(() -> {
                    if (System.nanoTime() - queuedAt > queueTimeoutNanos) {
                        abandoned.incrementAndGet();
                        LOG.warn("{} {} waited too long for a worker: answered 503, not carried out",
                                apiRequest.method(), apiRequest.path());
                        reply(response, callback, busy(apiRequest.path()));
                        return;
                    }
                    if (!request.getConnectionMetaData().getConnection().getEndPoint().isOpen()) {
                        abandoned.incrementAndGet();
                        LOG.warn("{} {}: the client has gone, not carried out", apiRequest.method(),
                                apiRequest.path());
                        callback.failed(new IOException("client disconnected"));
                        return;
                    }
                    reply(response, callback, router.handle(apiRequest));
                });
            } catch (RejectedExecutionException full) {
                reply(response, callback, busy(apiRequest.path()));
            }
        }
    }

    private static void reply(Response response, Callback callback, ApiResponse reply) {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static ApiResponse tooLarge(String path) {
        return Problem.of(413, "body-too-large", "Body too large",
                "a request body may have at most " + MAX_BODY_BYTES + " bytes").at(path).response();
    }

    private static ApiResponse busy(String path) {
        return Problem.of(503, "busy", "Busy", "the local API is busy and did not carry the request out; retry")
                .at(path).response().withHeader("Retry-After", "1");
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

    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            if (!name.equals("authorization")) { // the routes never need the token
                headers.merge(name, field.getValue(), (a, b) -> a + "," + b);
            }
        }
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
