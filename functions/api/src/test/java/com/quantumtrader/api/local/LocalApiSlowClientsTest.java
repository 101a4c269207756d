package com.quantumtrader.api.local;

import com.quantumtrader.api.routes.admin.AdminRoutes;
import com.quantumtrader.api.testing.ApiFixture;
import com.quantumtrader.api.http.ApiResponse;
import com.quantumtrader.api.routes.ApiRouter;
import com.quantumtrader.api.http.HttpRoute;
import com.quantumtrader.api.routes.RouteGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local API against clients that misbehave over real sockets: idle connections, slow-loris requests that never
 * finish their headers or body, clients that give up. The emergency stop must get through all of them, and what a
 * client abandoned must not be carried out.
 */
class LocalApiSlowClientsTest {

    static final String TOKEN = "alice-0123456789abcdef";
    /** Generous: what an operator would wait for the emergency stop, far above what the server needs. */
    static final Duration OPERATOR_PATIENCE = Duration.ofSeconds(5);

    ApiFixture fixture;
    LocalApiServer server;
    final List<Socket> clients = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        fixture = new ApiFixture();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        fixture.close();
    }

    @Test
    void theEmergencyStopIsServedWhileIdleAndSlowClientsHoldConnections() throws Exception {
        server = LocalApiServer.start(0, Map.of("alice", TOKEN), fixture.services);
        for (int i = 0; i < 8; i++) {
            clients.add(connect()); // idle: connected, nothing sent
        }
        for (int i = 0; i < 8; i++) {
            send(connect(), "POST /admin/emergency-stop HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthoriz"); // headers never end
        }
        for (int i = 0; i < 8; i++) {
            send(connect(), headers("/admin/emergency-stop", 100) + "{\"reason\":"); // body never completes
        }

        HttpResponse<String> stop = http.send(emergencyStop("exchange outage").timeout(OPERATOR_PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stop.statusCode()).isEqualTo(202);
        assertThat(operatorCommands()).as("only the complete request was carried out").hasSize(1);
    }

    @Test
    void aRequestWhoseClientLeftBeforeTheBodyArrivedIsNotCarriedOut() throws Exception {
        server = LocalApiServer.start(0, Map.of("alice", TOKEN), fixture.services);
        String body = "{\"reason\":\"x\"}";
        // the declared body is one byte longer than what is sent before the client goes away: a valid JSON prefix
        Socket client = connect();
        send(client, headers("/admin/emergency-stop", body.length() + 1) + body);
        client.close();

        awaitUntil(() -> server.abandonedRequests() == 1);
        HttpResponse<String> later = http.send(emergencyStop("a real stop").timeout(OPERATOR_PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(later.statusCode()).isEqualTo(202);
        assertThat(operatorCommands()).extracting(event -> event.envelope().payload().path("reason").asText())
                .containsExactly("a real stop");
    }

    @Test
    void theEmergencyStopHasALaneOfItsOwnWhenEveryRouteWorkerIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        List<HttpRoute> routes = new ArrayList<>(new AdminRoutes(fixture.policy, fixture.services.commands()).routes());
        routes.add(new HttpRoute("GET", "/trading/stuck", (request, variables) -> {
            entered.countDown();
            await(release);
            return ApiResponse.json(200, Map.of("done", true));
        }));
        server = LocalApiServer.start(0, Map.of("alice", TOKEN),
                new ApiRouter(EnumSet.allOf(RouteGroup.class), routes),
                new LocalApiServer.Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 1, 1));
        try {
            // the only route worker is stuck (say, on a stalled store) and one more request waits for it
            CompletableFuture<HttpResponse<String>> stuck = http.sendAsync(get("/trading/stuck"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(OPERATOR_PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpResponse<String>> queued = http.sendAsync(get("/trading/stuck"),
                    HttpResponse.BodyHandlers.ofString());

            HttpResponse<String> stop = http.send(emergencyStop("store stalled").timeout(OPERATOR_PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(stop.statusCode()).isEqualTo(202);
            assertThat(operatorCommands()).hasSize(1);
            release.countDown();
            assertThat(stuck.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(queued.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfterInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        List<HttpRoute> routes = List.of(new HttpRoute("GET", "/trading/stuck", (request, variables) -> {
            entered.countDown();
            await(release);
            return ApiResponse.json(200, Map.of("done", true));
        }));
        server = LocalApiServer.start(0, Map.of("alice", TOKEN),
                new ApiRouter(EnumSet.allOf(RouteGroup.class), routes),
                new LocalApiServer.Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 1, 1));
        try {
            http.sendAsync(get("/trading/stuck"), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(OPERATOR_PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpResponse<String>> queued = http.sendAsync(get("/trading/stuck"),
                    HttpResponse.BodyHandlers.ofString());
            awaitUntil(() -> !queued.isDone() && server.queuedRequests() == 1);

            HttpResponse<String> refused = http.send(get("/trading/stuck"), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("problems/busy");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRequestThatWaitedPastTheQueueTimeoutIsAnsweredUnexecuted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger executions = new AtomicInteger();
        Duration queueTimeout = Duration.ofMillis(200);
        List<HttpRoute> routes = List.of(new HttpRoute("GET", "/trading/stuck", (request, variables) -> {
            executions.incrementAndGet();
            entered.countDown();
            await(release);
            return ApiResponse.json(200, Map.of("done", true));
        }));
        server = LocalApiServer.start(0, Map.of("alice", TOKEN),
                new ApiRouter(EnumSet.allOf(RouteGroup.class), routes),
                new LocalApiServer.Limits(Duration.ofSeconds(10), queueTimeout, 1, 4));
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(get("/trading/stuck"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(OPERATOR_PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> late = http.sendAsync(get("/trading/stuck"),
                HttpResponse.BodyHandlers.ofString());
        awaitUntil(() -> server.queuedRequests() == 1);

        Thread.sleep(queueTimeout.multipliedBy(2).toMillis()); // at least twice its patience, whatever the timing
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(late.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        assertThat(executions).as("the late request was not carried out").hasValue(1);
        assertThat(server.abandonedRequests()).isEqualTo(1);
    }

    private List<BusEvent> operatorCommands() {
        return fixture.published.stream()
                .filter(event -> event.name().equals(EventCatalog.OS_OPERATOR_COMMAND.name())).toList();
    }

    private HttpRequest.Builder emergencyStop(String reason) {
        return HttpRequest.newBuilder(URI.create(server.uri() + "/admin/emergency-stop"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}"));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(server.uri() + path)).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(20)).GET().build();
    }

    private static String headers(String path, int contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        clients.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a condition the server reaches on its own threads; fails after a generous bound. */
    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
