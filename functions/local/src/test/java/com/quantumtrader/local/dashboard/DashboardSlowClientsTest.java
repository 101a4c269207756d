package com.quantumtrader.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard against idle and slow clients over real sockets: the emergency stop still reaches the API. */
class DashboardSlowClientsTest {

    static final String TOKEN = "dashboard-test-token-0123456789";
    static final Duration OPERATOR_PATIENCE = Duration.ofSeconds(5);

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Bodies of the requests that reached the stand-in for the local API. */
    final List<String> reachedApi = new CopyOnWriteArrayList<>();
    final List<Socket> clients = new ArrayList<>();
    HttpServer api;
    Dashboard dashboard;

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                reachedApi.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                byte[] accepted = "{\"command\":\"EMERGENCY_STOP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, accepted.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(accepted);
                }
            }
        });
        api.start();
        dashboard = Dashboard.start(0, Map.of("alice", TOKEN),
                URI.create("http://127.0.0.1:" + api.getAddress().getPort()), Duration.ofMillis(200));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        dashboard.close();
        api.stop(0);
    }

    @Test
    void theEmergencyStopPassesThroughWhileIdleAndSlowClientsHoldConnections() throws Exception {
        for (int i = 0; i < 16; i++) {
            connect(); // idle
        }
        for (int i = 0; i < 16; i++) {
            send(connect(), "POST /admin/emergency-stop HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthoriz"); // never ends
        }
        for (int i = 0; i < 16; i++) {
            send(connect(), headers(100) + "{\"reason\":"); // body never completes
        }

        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("/admin/emergency-stop"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .timeout(OPERATOR_PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"exchange outage\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stop.statusCode()).isEqualTo(202);
        assertThat(reachedApi).containsExactly("{\"reason\":\"exchange outage\"}");
    }

    @Test
    void aRequestWhoseClientLeftBeforeTheBodyArrivedIsNotPassedOn() throws Exception {
        String body = "{\"reason\":\"x\"}";
        Socket client = connect();
        send(client, headers(body.length() + 1) + body);
        client.close();

        // a complete request after it is passed on, and is the only one the API ever sees
        HttpResponse<String> later = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("/admin/emergency-stop"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .timeout(OPERATOR_PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"a real stop\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        dashboard.close(); // waits for what is in flight: nothing more can reach the API after this

        assertThat(later.statusCode()).isEqualTo(202);
        assertThat(reachedApi).containsExactly("{\"reason\":\"a real stop\"}");
    }

    private static String headers(int contentLength) {
        return "POST /admin/emergency-stop HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", dashboard.uri().getPort());
        clients.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
