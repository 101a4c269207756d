package com.quantumtrader.api.local;

import com.quantumtrader.api.testing.ApiFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.RiskMode;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A policy patch is parsed strictly over real HTTP: a duplicate key or trailing text is a 400, nothing changes. */
class AdminPolicyStrictJsonTest {

    static final String TOKEN = "alice-0123456789abcdef";

    ApiFixture fixture;
    LocalApiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        fixture = new ApiFixture();
        server = LocalApiServer.start(0, Map.of("alice", TOKEN), fixture.services);
    }

    @AfterEach
    void stop() {
        server.close();
        fixture.close();
    }

    @Test
    void rejectsAPatchWithADuplicateKeyNamingTheKey() throws Exception {
        // without strict detection the last "risk_mode" won and the policy silently became AGGRESSIVE
        HttpResponse<String> response = patch("{\"risk_mode\":\"SAFE\",\"risk_mode\":\"AGGRESSIVE\"}");

        JsonNode problem = assertBadRequest(response);
        assertThat(problem.path("detail").asText()).contains("Duplicate field 'risk_mode'").contains("line 1");
        assertThat(fixture.policy.document().version()).isEqualTo(1);
        assertThat(fixture.policy.document().policy().riskMode()).isEqualTo(RiskMode.NORMAL);
    }

    @Test
    void rejectsAPatchWithADuplicateKeyInANestedObject() throws Exception {
        HttpResponse<String> response = patch(
                "{\"limits\":{\"NORMAL\":{\"min_confidence\":0.6,\"min_confidence\":0.1}}}");

        assertThat(assertBadRequest(response).path("detail").asText()).contains("Duplicate field 'min_confidence'");
        assertThat(fixture.policy.document().version()).isEqualTo(1);
    }

    @Test
    void rejectsAPatchWithTrailingGarbage() throws Exception {
        // without FAIL_ON_TRAILING_TOKENS everything after the first object was ignored and the patch applied
        HttpResponse<String> response = patch("{\"risk_mode\":\"SAFE\"} {\"risk_mode\":\"AGGRESSIVE\"}");

        assertThat(assertBadRequest(response).path("detail").asText()).contains("not valid JSON").contains("Trailing");
        assertThat(fixture.policy.document().version()).isEqualTo(1);
    }

    @Test
    void stillAcceptsAWellFormedPatch() throws Exception {
        HttpResponse<String> response = patch("{\"risk_mode\":\"SAFE\"}  \n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(fixture.policy.document().policy().riskMode()).isEqualTo(RiskMode.SAFE);
    }

    private HttpResponse<String> patch(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve("/admin/policy?expected_version=1"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertBadRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return EventJson.readTree(response.body());
    }
}
