package com.quantumtrader.api.lambda;

import com.quantumtrader.api.testing.ApiFixture;
import com.quantumtrader.api.routes.ApiRouter;
import com.quantumtrader.api.routes.ApiServices;
import com.quantumtrader.api.routes.health.PlatformChecks;
import com.quantumtrader.api.routes.RouteGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.health.HealthStatus;
import com.quantumtrader.core.health.RedisPingCheck;
import com.quantumtrader.core.redis.EmbeddedRedis;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lambda handler on function URL events shaped like the ones Lambda delivers (payload 2.0, IAM auth): the
 * caller's IAM principal is the actor, each function serves only its pinned route group.
 */
class FunctionUrlHandlerTest {

    static final ObjectMapper LAMBDA_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    ApiFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ApiFixture();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void anAdminPatchIsAuditedUnderTheCallersIamPrincipal() throws IOException {
        FunctionUrlHandler admin = pinnedTo(RouteGroup.ADMIN);

        APIGatewayV2HTTPResponse response = admin.handleRequest(event(fixture()), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"").containsEntry("Content-Type", "application/json");
        assertThat(fixture.policy.document().policy().riskMode().name()).isEqualTo("SAFE");
        assertThat(fixture.policy.history(1).get(0).actor()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    }

    @Test
    void aFunctionServesOnlyItsPinnedGroupSoTheHealthUrlCannotReachAdmin() throws IOException {
        FunctionUrlHandler health = pinnedTo(RouteGroup.HEALTH);

        APIGatewayV2HTTPResponse response = health.handleRequest(event(fixture()), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(fixture.policy.document().version()).isEqualTo(1);
    }

    @Test
    void aRequestWithoutAnIamPrincipalIsRefused() throws IOException {
        ObjectNode unsigned = fixture();
        ((ObjectNode) unsigned.path("requestContext")).remove("authorizer");

        APIGatewayV2HTTPResponse response = pinnedTo(RouteGroup.ADMIN).handleRequest(event(unsigned), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(EventJson.readTree(response.getBody()).path("type").asText()).endsWith("/unauthenticated");
        assertThat(fixture.policy.document().version()).isEqualTo(1);
    }

    @Test
    void healthIs503WhenRedisIsDown() throws IOException {
        EmbeddedRedis stopped = EmbeddedRedis.start();
        RedisConnections lost = RedisConnections.connect(stopped.url());
        stopped.close();
        try (HealthChecker checker = new HealthChecker(fixture.clock)) {
            checker.register("redis", RedisPingCheck.of(lost));
            PlatformChecks.registerEventChecks(checker, fixture.view, fixture.clock);
            FunctionUrlHandler health = new FunctionUrlHandler(ApiRouter.serving(Set.of(RouteGroup.HEALTH),
                    new ApiServices(checker, fixture.view, fixture.policy, fixture.services.commands())));
            ObjectNode get = fixture();
            get.put("rawPath", "/health").put("body", (String) null).put("isBase64Encoded", false);
            ((ObjectNode) get.path("requestContext").path("http")).put("method", "GET").put("path", "/health");

            APIGatewayV2HTTPResponse response = health.handleRequest(event(get), null);

            assertThat(response.getStatusCode()).isEqualTo(503);
            JsonNode report = EventJson.readTree(response.getBody());
            assertThat(report.path("status").asText()).isEqualTo(HealthStatus.DOWN.name());
            assertThat(report.path("checks").path("redis").path("status").asText()).isEqualTo("DOWN");
        } finally {
            lost.close();
        }
    }

    @Test
    void theRouteGroupVariableMustNameAGroup() {
        assertThat(FunctionUrlHandler.pinned(Map.of("API_ROUTES", "admin"))).containsExactly(RouteGroup.ADMIN);
        assertThatThrownBy(() -> FunctionUrlHandler.pinned(Map.of("API_ROUTES", "everything")))
                .hasMessageContaining("API_ROUTES must be one of");
        assertThatThrownBy(() -> FunctionUrlHandler.pinned(Map.of())).hasMessageContaining("API_ROUTES");
    }

    FunctionUrlHandler pinnedTo(RouteGroup group) {
        return new FunctionUrlHandler(ApiRouter.serving(Set.of(group), fixture.services));
    }

    static ObjectNode fixture() throws IOException {
        try (InputStream in = FunctionUrlHandlerTest.class.getResourceAsStream("/function-url/admin-policy-patch.json")) {
            return (ObjectNode) LAMBDA_JSON.readTree(in);
        }
    }

    static APIGatewayV2HTTPEvent event(JsonNode json) {
        return LAMBDA_JSON.convertValue(json, APIGatewayV2HTTPEvent.class);
    }
}
