package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator is shown about a paper run, over real HTTP: the emergency stop's latch survives a restart on the
 * dashboard and on {@code /health}, a reset clears both, and a healthy run is not reported as degraded.
 */
class OperatorStateAcrossRestartTest {

    static final String TOKEN = "test-token-0123456789abcdef";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    @Test
    void theDashboardShowsALatchedStopAfterARestartAndClearsItOnReset() throws Exception {
        // given a run whose operator pressed the emergency stop, then a restart
        try (LocalPlatform platform = new LocalPlatform(options())) {
            steps(platform, 24);
            assertThat(post(platform.apiUri().orElseThrow(), "/admin/emergency-stop", "operator drill").statusCode())
                    .isEqualTo(202);
            steps(platform, 2);
        }

        try (LocalPlatform restarted = new LocalPlatform(options())) {
            URI dashboard = restarted.dashboardUri().orElseThrow();
            URI api = restarted.apiUri().orElseThrow();

            // then before any event of the new process, both read the latch as risk & safety persisted it
            JsonNode ess = snapshot(dashboard).path("ess");
            assertThat(ess.path("state").asText()).isEqualTo("LATCHED");
            assertThat(ess.path("reason").asText()).isEqualTo("MANUAL");

            // when the operator resets it and the run goes on
            assertThat(post(api, "/admin/emergency-stop/reset", "drill over").statusCode()).isEqualTo(202);
            steps(restarted, 1);

            // then the dashboard and /health say it is no longer latched
            assertThat(snapshot(dashboard).path("ess").path("state").asText()).isEqualTo("NOT_TRIGGERED");
            JsonNode emergency = health(api).path("checks").path("emergency_stop");
            assertThat(emergency.path("status").asText()).as(emergency.toString()).isEqualTo("UP");
        }
    }

    @Test
    void aHealthyRunIsNeverReportedSilentWhileItsMarketClockRacesAhead() throws Exception {
        try (LocalPlatform platform = new LocalPlatform(options())) {
            URI api = platform.apiUri().orElseThrow();
            steps(platform, 1);
            for (int bar = 0; bar < 200; bar++) {
                platform.step();
                if (bar % 10 == 0) {
                    JsonNode silent = health(api).path("checks").path("last_event_per_domain");
                    assertThat(silent.path("status").asText()).as("bar %d: %s", bar, silent).isEqualTo("UP");
                }
            }
        }
    }

    private static PaperOptions options() {
        return PaperOptions.defaults().withSeed(11).withRedisUrl(RedisTestServer.url())
                .withApi(new PaperOptions.ApiSettings(0, Map.of("alice", TOKEN)).withDashboard(0));
    }

    private static void steps(LocalPlatform platform, int bars) {
        for (int bar = 0; bar < bars; bar++) {
            platform.step();
        }
    }

    private JsonNode snapshot(URI dashboard) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(dashboard.resolve("/dashboard/snapshot"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.readTree(response.body());
    }

    private JsonNode health(URI api) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/health"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return EventJson.readTree(response.body());
    }

    private HttpResponse<String> post(URI api, String path, String reason) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
