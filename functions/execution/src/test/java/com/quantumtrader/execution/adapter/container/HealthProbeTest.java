package com.quantumtrader.execution.adapter.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;

    @BeforeEach
    void startHealthEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String healthUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    @Test
    void healthyWhenTheServiceAnswers200() {
        assertThat(HealthProbe.probe(healthUrl())).isZero();
    }

    @Test
    void unhealthyWhenTheServiceReportsItselfDown() {
        status.set(503);

        assertThat(HealthProbe.probe(healthUrl())).isOne();
    }

    @Test
    void unhealthyWhenNothingListens() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        assertThat(HealthProbe.probe("http://127.0.0.1:" + freePort + "/health")).isOne();
    }

    @Test
    void unhealthyOnAMissingOrMalformedUrl() {
        assertThat(HealthProbe.probe(null)).isOne();
        assertThat(HealthProbe.probe("127.0.0.1:8080/health")).isOne();
    }
}
