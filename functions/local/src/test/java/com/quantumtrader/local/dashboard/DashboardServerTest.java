package com.quantumtrader.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dashboard over real HTTP: its page, its data endpoints behind the token, and the pass-through to the API. */
class DashboardServerTest {

    static final String TOKEN = "dashboard-test-token-0123456789";

    final HttpClient http = HttpClient.newHttpClient();
    final DashboardEvents run = new DashboardEvents();
    /** Stands in for the local API: records what reached it and answers as the admin route does to a stale patch. */
    final Map<String, String> seenByApi = new ConcurrentHashMap<>();
    HttpServer api;
    Dashboard dashboard;

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                seenByApi.put("method", exchange.getRequestMethod());
                seenByApi.put("uri", exchange.getRequestURI().toString());
                seenByApi.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                exchange.getRequestHeaders().forEach((name, values) -> seenByApi.put("header:" + name.toLowerCase(),
                        String.join(",", values)));
                byte[] problem = """
                        {"type":"https://quantumtrader.com/problems/policy-version-conflict","title":"Policy version \
                        conflict","status":409,"detail":"stale","expected_version":3,"current_version":4}"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().set("ETag", "\"4\"");
                exchange.getResponseHeaders().set("Set-Cookie", "must-not-pass=1");
                exchange.sendResponseHeaders(409, problem.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(problem);
                }
            }
        });
        api.start();
        dashboard = Dashboard.start(0, Map.of("alice", TOKEN),
                URI.create("http://127.0.0.1:" + api.getAddress().getPort()), Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        dashboard.close();
        api.stop(0);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(dashboard.uri().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class ThePage {

        @Test
        void isServedWithoutATokenAndCarriesNoDataNorToken() throws Exception {
            HttpResponse<String> page = get("/", null);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("Quantum Trader", "id=\"ess-stop\"", "id=\"policy-patch\"")
                    .doesNotContain(TOKEN);
        }

        @Test
        void mayRunOnlyItsOwnInlineScriptAndTalkOnlyToThisOrigin() throws Exception {
            String policy = get("/", null).headers().firstValue("Content-Security-Policy").orElseThrow();

            assertThat(policy).contains("default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'")
                    .containsPattern("script-src 'sha256-[A-Za-z0-9+/=]{44}'")
                    .containsPattern("style-src 'sha256-[A-Za-z0-9+/=]{44}'")
                    .doesNotContain("unsafe-inline");
        }

        @Test
        void theStartLinkCarriesTheTokenOnlyInTheFragment() {
            String link = Dashboard.linkWithToken(dashboard.uri(), "a b+c/d");

            URI uri = URI.create(link);
            assertThat(uri.getRawFragment()).isEqualTo("token=a%20b%2Bc%2Fd");
            assertThat(uri.getRawQuery()).isNull();
            assertThat(uri.getPath()).isEqualTo("/");
        }
    }

    @Nested
    class DataEndpoints {

        @Test
        void refuseARequestWithoutTheTokenOrWithAnotherToken() throws Exception {
            for (String path : List.of("/dashboard/snapshot", "/dashboard/stream")) {
                for (String token : java.util.Arrays.asList(null, "not-the-token-0123456789", "")) {
                    HttpResponse<String> response = get(path, token);
                    assertThat(response.statusCode()).as(path + " with " + token).isEqualTo(401);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
                    assertThat(EventJson.readTree(response.body()).path("status").asInt()).isEqualTo(401);
                }
            }
        }

        @Test
        void theSnapshotHoldsTheEquityCurveTheRecentEventsAndTheEmergencyStop() throws Exception {
            dashboard.observe(run.performance("10000", "10000", "0"));
            dashboard.observe(run.positionOpened("pos-1", "BTCUSDT"));
            dashboard.observe(run.emergencyTriggered("MAX_DRAWDOWN", "0.21", "0.20"));

            HttpResponse<String> response = get("/dashboard/snapshot", TOKEN);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode snapshot = EventJson.readTree(response.body());
            assertThat(snapshot.path("equity").get(0).path("equity").asText()).isEqualTo("10000");
            assertThat(snapshot.path("events")).extracting(e -> e.path("name").asText())
                    .containsExactly("portfolio.performance", "portfolio.position.opened", "safety.emergency.triggered");
            assertThat(snapshot.path("ess").path("state").asText()).isEqualTo("LATCHED");
            assertThat(snapshot.path("last_seq").asLong()).isEqualTo(5); // 3 events, 1 equity point, 1 ess change
        }

        @Test
        @Timeout(30)
        void theStreamSendsWhatCameAfterTheGivenMessageThenEachNewOneAsItHappens() throws Exception {
            dashboard.observe(run.positionOpened("pos-1", "BTCUSDT"));
            dashboard.observe(run.positionOpened("pos-2", "ETHUSDT"));
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            dashboard.uri().resolve("/dashboard/stream?after=1"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");

            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                List<String> first = readUntil(lines, "data: ", 1);
                dashboard.observe(run.emergencyTriggered("MANUAL", "drill", "operator request"));
                List<String> next = readUntil(lines, "data: ", 2); // the event, then the ess change

                assertThat(first).contains("id: 2", "event: bus");
                assertThat(String.join("\n", first)).contains("pos-2").doesNotContain("pos-1");
                assertThat(next).contains("id: 3", "id: 4", "event: ess");
                assertThat(String.join("\n", next)).contains("\"state\":\"LATCHED\"");
                assertThat(String.join("\n", first) + String.join("\n", next)).contains(": keep-alive");
            }
        }

        @Test
        void theStreamRefusesAPositionThatIsNotANonNegativeInteger() throws Exception {
            for (String after : List.of("abc", "-1", "1.5")) {
                HttpResponse<String> response = get("/dashboard/stream?after=" + after, TOKEN);
                assertThat(response.statusCode()).as(after).isEqualTo(400);
                assertThat(EventJson.readTree(response.body()).path("detail").asText()).contains("after");
            }
        }

        @Test
        void answersAnUnknownPathAndAWrongMethodWithProblemDetails() throws Exception {
            assertThat(get("/dashboard/secrets", TOKEN).statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("/dashboard/snapshot"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        }

        /** Reads SSE lines (keep-alives included) until {@code count} lines start with {@code prefix}. */
        private List<String> readUntil(BufferedReader lines, String prefix, int count) throws IOException {
            List<String> read = new ArrayList<>();
            int found = 0;
            String line;
            while (found < count && (line = lines.readLine()) != null) {
                read.add(line);
                if (line.startsWith(prefix)) {
                    found++;
                }
            }
            // wait for one keep-alive too, so the test sees the stream stay open while idle
            while (read.stream().noneMatch(l -> l.startsWith(": keep-alive")) && (line = lines.readLine()) != null) {
                read.add(line);
            }
            return read;
        }
    }

    @Nested
    class PassThroughToTheApi {

        @Test
        void forwardsMethodPathQueryBodyAndBearerAndReturnsTheApisAnswerUnchanged() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            dashboard.uri().resolve("/admin/policy?expected_version=3"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/merge-patch+json")
                    .header("X-Forwarded-For", "10.0.0.1")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"drawdown_alert\":0.12}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(seenByApi).containsEntry("method", "PATCH")
                    .containsEntry("uri", "/admin/policy?expected_version=3")
                    .containsEntry("body", "{\"drawdown_alert\":0.12}")
                    .containsEntry("header:authorization", "Bearer " + TOKEN)
                    .containsEntry("header:content-type", "application/merge-patch+json")
                    .doesNotContainKey("header:x-forwarded-for");
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("ETag")).hasValue("\"4\"");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(EventJson.readTree(response.body()).path("current_version").asInt()).isEqualTo(4);
        }

        @Test
        void answersBadGatewayWhenTheApiIsGone() throws Exception {
            api.stop(0);

            HttpResponse<String> response = get("/trading/positions", TOKEN);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        @Test
        void refusesABodyLargerThanTheApiWouldTake() throws Exception {
            String huge = "{\"x\":\"" + "a".repeat(DashboardServer.MAX_BODY_BYTES) + "\"}";

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            dashboard.uri().resolve("/admin/policy?expected_version=1"))
                    .header("Authorization", "Bearer " + TOKEN).method("PATCH",
                            HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(seenByApi).isEmpty();
        }
    }
}
