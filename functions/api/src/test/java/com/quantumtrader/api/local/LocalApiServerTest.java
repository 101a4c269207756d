package com.quantumtrader.api.local;

import com.quantumtrader.api.testing.ApiFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.PolicyAudit;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The local API over real HTTP: bearer tokens, the admin routes on a real policy store, the read views. */
class LocalApiServerTest {

    static final String ALICE_TOKEN = "alice-0123456789abcdef";

    ApiFixture fixture;
    LocalApiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        fixture = new ApiFixture();
        server = LocalApiServer.start(0, Map.of("alice", ALICE_TOKEN), fixture.services);
    }

    @AfterEach
    void stop() {
        server.close();
        fixture.close();
    }

    @Nested
    class Authentication {

        @Test
        void aRequestWithoutATokenIsRefusedWithProblemDetailsAndAChallenge() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/admin/policy")).GET().build());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"quantum-trader\"");
            assertProblem(response, 401, "unauthenticated");
        }

        @Test
        void aWrongTokenIsRefusedAndNothingIsChanged() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/admin/policy?expected_version=1"))
                    .header("Authorization", "Bearer not-alice-0123456789")
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"risk_mode\":\"SAFE\"}")).build());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(fixture.policy.document().version()).isEqualTo(1);
        }

        @Test
        void aServerNeedsAtLeastOneLongEnoughToken() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalApiServer.start(0, Map.of(), fixture.services))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> LocalApiServer.start(0, Map.of("bob", "short"), fixture.services))
                    .hasMessageContaining("at least 16 characters");
        }
    }

    @Nested
    class Policy {

        @Test
        void readingThePolicyGivesItsVersionAsETag() throws Exception {
            HttpResponse<String> response = get("/admin/policy");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
            JsonNode document = EventJson.readTree(response.body());
            assertThat(document.path("version").asLong()).isEqualTo(1);
            assertThat(document.path("policy").path("risk_mode").asText()).isEqualTo("NORMAL");
        }

        @Test
        void aMergePatchOnTheCurrentVersionIsAppliedAndAuditedUnderTheTokenName() throws Exception {
            HttpResponse<String> response = patch("/admin/policy?expected_version=1",
                    "{\"risk_mode\":\"SAFE\",\"limits\":{\"SAFE\":{\"min_confidence\":0.8}}}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(EventJson.readTree(response.body()).path("version").asLong()).isEqualTo(2);
            assertThat(fixture.policy.document().policy().riskMode().name()).isEqualTo("SAFE");
            PolicyAudit audit = fixture.policy.history(1).get(0);
            assertThat(audit.actor()).isEqualTo("token:alice");
            assertThat(audit.changes()).extracting(change -> change.path())
                    .containsExactly("limits.SAFE.min_confidence", "risk_mode");
        }

        @Test
        void theExpectedVersionMayComeAsIfMatch() throws Exception {
            HttpResponse<String> response = send(authorized("/admin/policy")
                    .header("Content-Type", "application/merge-patch+json").header("If-Match", "\"1\"")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"drawdown_alert\":0.12}")).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
        }

        @Test
        void aStaleVersionIsAConflictNamingTheCurrentVersionAndChangesNothing() throws Exception {
            patch("/admin/policy?expected_version=1", "{\"drawdown_alert\":0.12}");

            HttpResponse<String> response = patch("/admin/policy?expected_version=1", "{\"risk_mode\":\"SAFE\"}");

            JsonNode problem = assertProblem(response, 409, "policy-version-conflict");
            assertThat(problem.path("current_version").asLong()).isEqualTo(2);
            assertThat(problem.path("expected_version").asLong()).isEqualTo(1);
            assertThat(fixture.policy.document().policy().riskMode().name()).isEqualTo("NORMAL");
        }

        @Test
        void anInvalidPatchListsEveryProblemAndChangesNothing() throws Exception {
            HttpResponse<String> response = patch("/admin/policy?expected_version=1",
                    "{\"risk_mode\":\"RECKLESS\",\"limits\":{\"NORMAL\":{\"min_confidence\":7}}}");

            JsonNode problem = assertProblem(response, 400, "invalid-policy");
            assertThat(problem.path("errors")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(problem.path("errors").toString()).contains("risk_mode").contains("limits.NORMAL.min_confidence");
            assertThat(fixture.policy.document().version()).isEqualTo(1);
        }

        @Test
        void aStrategyPlanNamingAnUnknownStrategyOrABadParameterIsRefusedNamingEachFieldAndChangesNothing()
                throws Exception {
            HttpResponse<String> response = patch("/admin/policy?expected_version=1", """
                    {"strategy_plan": {"default": [{"strategy": "moon_shot"}],
                                       "symbols": {"ETHUSDT": [{"strategy": "mean_reversion",
                                                                "parameters": {"max_adx": 500}}]}}}""");

            JsonNode problem = assertProblem(response, 400, "invalid-policy");
            assertThat(problem.path("errors").toString())
                    .contains("strategy_plan.default[0].strategy: unknown strategy moon_shot; known: [")
                    .contains("strategy_plan.symbols.ETHUSDT[0].parameters.max_adx: must be at most");
            assertThat(fixture.policy.document().version()).isEqualTo(1);
        }

        @Test
        void aValidStrategyPlanIsStored() throws Exception {
            HttpResponse<String> response = patch("/admin/policy?expected_version=1", """
                    {"strategy_plan": {"symbols": {"ETHUSDT": [{"strategy": "mean_reversion",
                                                                "parameters": {"max_adx": 25}}]}}}""");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(fixture.policy.document().policy().at("/strategy_plan/symbols/ETHUSDT/0/parameters/max_adx")
                    .intValue()).isEqualTo(25);
        }

        @Test
        void aPatchWithoutExpectedVersionIsRefusedAsPreconditionRequired() throws Exception {
            assertProblem(patch("/admin/policy", "{\"risk_mode\":\"SAFE\"}"), 428, "expected-version-required");
            assertProblem(patch("/admin/policy?expected_version=zero", "{}"), 400, "invalid-parameter");
        }

        @Test
        void aBodyThatIsNotAJsonObjectOrNotJsonIsABadRequest() throws Exception {
            assertProblem(patch("/admin/policy?expected_version=1", "{\"risk_mode\":"), 400, "bad-request");
            assertProblem(patch("/admin/policy?expected_version=1", "[1,2]"), 400, "bad-request");
            HttpResponse<String> text = send(authorized("/admin/policy?expected_version=1")
                    .header("Content-Type", "text/plain")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("risk_mode=SAFE")).build());
            assertProblem(text, 415, "unsupported-media-type");
            assertThat(fixture.policy.document().version()).isEqualTo(1);
        }

        @Test
        void theAuditHistoryListsTheNewestChangeFirst() throws Exception {
            patch("/admin/policy?expected_version=1", "{\"drawdown_alert\":0.12}");

            HttpResponse<String> response = get("/admin/policy/audit?limit=5");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode entries = EventJson.readTree(response.body()).path("entries");
            assertThat(entries).hasSize(2);
            assertThat(entries.get(0).path("actor").asText()).isEqualTo("token:alice");
            assertThat(entries.get(0).path("to_version").asLong()).isEqualTo(2);
            assertProblem(get("/admin/policy/audit?limit=0"), 400, "invalid-parameter");
        }
    }

    @Nested
    class SafetyCommands {

        @Test
        void anEmergencyStopIsSentAsAValidOperatorCommandEventCarryingTheActor() throws Exception {
            HttpResponse<String> response = post("/admin/emergency-stop", "{\"reason\":\"exchange outage\"}");

            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode accepted = EventJson.readTree(response.body());
            BusEvent event = fixture.published.get(0);
            assertThat(event.name()).isEqualTo("os.operator.command");
            assertThat(event.source()).isEqualTo("quantum.core_os");
            EventValidator.validate(event);
            OperatorCommand command = EventJson.convert(event.envelope().payload(), OperatorCommand.class);
            assertThat(command.command()).isEqualTo(OperatorCommand.Kind.EMERGENCY_STOP);
            assertThat(command.requestedBy()).isEqualTo("token:alice");
            assertThat(command.reason()).isEqualTo("exchange outage");
            assertThat(accepted.path("event_id").asText()).isEqualTo(event.eventId());
            assertThat(accepted.path("trace_id").asText()).isEqualTo(event.traceId());
        }

        @Test
        void theResetsAreTheirOwnCommands() throws Exception {
            assertThat(post("/admin/emergency-stop/reset", "{\"reason\":\"drawdown reviewed\"}").statusCode())
                    .isEqualTo(202);
            assertThat(post("/admin/circuit-breaker/reset", "{\"reason\":\"exchange back\"}").statusCode())
                    .isEqualTo(202);

            assertThat(fixture.published).extracting(e -> e.envelope().payload().path("command").asText())
                    .containsExactly("EMERGENCY_RESET", "CIRCUIT_BREAKER_RESET");
        }

        @Test
        void aCommandWithoutAReasonIsRefusedAndNothingIsSent() throws Exception {
            assertProblem(post("/admin/emergency-stop", "{}"), 400, "invalid-body");
            assertProblem(post("/admin/emergency-stop", ""), 400, "invalid-body");
            assertProblem(post("/admin/emergency-stop", "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400, "invalid-body");

            assertThat(fixture.published).isEmpty();
        }
    }

    @Nested
    class Routing {

        @Test
        void anUnknownPathIsNotFoundAsProblemDetails() throws Exception {
            JsonNode problem = assertProblem(get("/admin/secrets"), 404, "not-found");
            assertThat(problem.path("instance").asText()).isEqualTo("/admin/secrets");
            assertProblem(get("/"), 404, "not-found");
        }

        @Test
        void aKnownPathWithAnotherMethodIsMethodNotAllowedWithAllow() throws Exception {
            HttpResponse<String> response = send(authorized("/admin/policy").DELETE().build());

            assertProblem(response, 405, "method-not-allowed");
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, PATCH");
        }
    }

    @Nested
    class HealthAndTrading {

        @Test
        void healthIsUpWithRedisAndReportsAnOpenCircuitBreakerAsDegradedButServing() throws Exception {
            fixture.bus.publish(fixture.events.create(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED,
                    new CircuitBreakerActivated("ORDER_FAILURES", "3 failures in 60 min",
                            ApiFixture.NOW.plusSeconds(3600)), "trace-cb"));

            HttpResponse<String> response = get("/health");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode report = EventJson.readTree(response.body());
            assertThat(report.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(report.path("checks").path("redis").path("status").asText()).isEqualTo("UP");
            assertThat(report.path("checks").path("circuit_breaker").path("detail").asText())
                    .contains("ORDER_FAILURES");
        }

        @Test
        void openPositionsAndATracesLifecycleComeFromTheEventsSeen() throws Exception {
            PositionOpened opened = new PositionOpened("pos-1", "BTCUSDT", Side.LONG, new BigDecimal("0.012"),
                    new BigDecimal("64262.90"), new BigDecimal("63600.00"), new BigDecimal("65550.30"), "sig-1",
                    "ma_crossover", "ma_crossover@1");
            fixture.bus.publish(fixture.events.create(EventCatalog.PORTFOLIO_POSITION_OPENED, opened, "trace-1"));

            JsonNode positions = EventJson.readTree(get("/trading/positions").body()).path("positions");
            assertThat(positions).hasSize(1);
            assertThat(positions.get(0).path("entry_price").decimalValue()).isEqualByComparingTo("64262.90");

            fixture.bus.publish(fixture.events.create(EventCatalog.PORTFOLIO_POSITION_CLOSED, new PositionClosed(
                    "pos-1", "BTCUSDT", Side.LONG, new BigDecimal("0.012"), new BigDecimal("64262.90"),
                    new BigDecimal("65550.30"), new BigDecimal("15.45"), new BigDecimal("0.62"), "TAKE_PROFIT", "sig-1"),
                    "trace-1"));

            assertThat(EventJson.readTree(get("/trading/positions").body()).path("positions")).isEmpty();
            JsonNode trace = EventJson.readTree(get("/trading/traces/trace-1").body()).path("events");
            assertThat(trace).extracting(step -> step.path("event").asText())
                    .containsExactly("portfolio.position.opened", "portfolio.position.closed");
            assertProblem(get("/trading/traces/unknown-trace"), 404, "unknown-trace");
            assertProblem(get("/trading/performance"), 404, "no-performance-yet");
            assertProblem(get("/trading/trades?limit=abc"), 400, "invalid-parameter");
        }
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ALICE_TOKEN);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(authorized(path).GET().build());
    }

    HttpResponse<String> patch(String path, String body) throws Exception {
        return send(authorized(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = EventJson.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://quantumtrader.com/problems/" + kind);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }
}
