package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An operator drives a running paper platform through its local API over real HTTP. */
class LocalApiInPaperRunTest {

    static final String TOKEN = "test-token-0123456789abcdef";

    static LocalPlatform platform;
    static URI api;
    static final List<BusEvent> events = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startAPaperRunWithItsApi() {
        RedisTestServer.flush();
        platform = new LocalPlatform(PaperOptions.defaults().withSeed(11).withRedisUrl(RedisTestServer.url())
                .withApi(new PaperOptions.ApiSettings(0, Map.of("alice", TOKEN))));
        platform.observe(events::add);
        api = platform.apiUri().orElseThrow();
        for (int bar = 0; bar < 400; bar++) {
            platform.step();
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", path.startsWith("/admin/policy")
                    ? "application/merge-patch+json" : "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesARequestWithoutTheToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/admin/policy")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void showsTheTradesOfTheRunAndOneSignalsLifecycle() throws Exception {
        JsonNode trades = EventJson.readTree(send("GET", "/trading/trades?limit=5", null).body());
        assertThat(trades.toString()).contains("realized_pnl");

        // the latest: the view keeps a bounded number of recent traces
        String trace = events.stream().filter(e -> e.name().equals("trade.closed")).reduce((a, b) -> b)
                .orElseThrow().traceId();
        JsonNode lifecycle = EventJson.readTree(send("GET", "/trading/traces/" + trace, null).body());
        assertThat(lifecycle.toString()).contains("ai.signal.generated", "risk.signal.approved",
                "execution.order.filled", "trade.closed");
    }

    @Test
    void anEmergencyStopFromTheApiFlattensTheAccountAndBlocksNewSignals() throws Exception {
        HttpResponse<String> stop = send("POST", "/admin/emergency-stop", "{\"reason\":\"operator drill\"}");
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);

        for (int bar = 0; bar < 50; bar++) {
            platform.step();
        }

        assertThat(events).anySatisfy(e -> assertThat(e.name()).isEqualTo("safety.emergency.stop"));
        JsonNode positions = EventJson.readTree(send("GET", "/trading/positions", null).body());
        assertThat(positions.toString()).doesNotContain("position_id");
        assertThat(events.stream().filter(e -> e.name().equals("risk.signal.rejected"))
                .map(e -> e.envelope().payload().path("reason_code").asText()))
                .contains("ESS_ACTIVE");
    }

    @Test
    void aPolicyPatchWithAStaleVersionIsAConflictAndChangesNothing() throws Exception {
        JsonNode before = EventJson.readTree(send("GET", "/admin/policy", null).body());
        long version = before.path("version").asLong();

        HttpResponse<String> stale = send("PATCH", "/admin/policy?expected_version=" + (version + 1),
                "{\"drawdown_alert\": 0.12}");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(EventJson.readTree(send("GET", "/admin/policy", null).body()).path("version").asLong())
                .isEqualTo(version);
    }
}
