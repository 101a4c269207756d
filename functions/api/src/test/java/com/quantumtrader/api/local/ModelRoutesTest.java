package com.quantumtrader.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.api.http.ApiRequest;
import com.quantumtrader.api.routes.ApiRouter;
import com.quantumtrader.api.routes.ApiServices;
import com.quantumtrader.api.routes.RouteGroup;
import com.quantumtrader.api.testing.ApiFixture;
import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /models} and {@code /models/{id}} over real HTTP, from the Redis model registry. */
class ModelRoutesTest {

    static final String TOKEN = "alice-0123456789abcdef";

    ApiFixture fixture;
    ModelRegistry registry;
    LocalApiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fixture = new ApiFixture();
        registry = ModelRegistries.redis(fixture.redis);
        server = LocalApiServer.start(0, Map.of("alice", TOKEN), new ApiServices(fixture.health, fixture.view,
                fixture.policy, fixture.services.commands(), registry));
    }

    @AfterEach
    void stop() {
        server.close();
        fixture.close();
    }

    @Test
    void listsEverySlotsChampionAndEveryVersionWithItsMetrics() throws Exception {
        registry.register(manifest("btc-logit", 1, 0.55), new byte[] {1});
        registry.register(manifest("btc-logit", 2, 0.58), new byte[] {2});
        registry.promote("model", "btc-logit", 1);
        registry.promote("model", "btc-logit", 2);

        HttpResponse<String> response = get("/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = EventJson.readTree(response.body());
        assertThat(body.at("/slots/model/champion").asText()).isEqualTo("btc-logit@2");
        assertThat(body.at("/slots/model/challengers/0").asText()).isEqualTo("btc-logit@1");
        assertThat(body.at("/models/1/model").asText()).isEqualTo("btc-logit@2");
        assertThat(body.at("/models/1/metrics/auc").asDouble()).isEqualTo(0.58);
        assertThat(body.at("/models/1/champion_of/0").asText()).isEqualTo("model");
        assertThat(body.at("/models/0/champion_of")).isEmpty();
    }

    @Test
    void showsEveryVersionOfOneIdWithItsWholeManifest() throws Exception {
        registry.register(manifest("btc-logit", 1, 0.55), new byte[] {1});
        registry.register(manifest("eth-logit", 1, 0.51), new byte[] {1});

        HttpResponse<String> response = get("/models/btc-logit");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode versions = EventJson.readTree(response.body()).get("versions");
        assertThat(versions).hasSize(1);
        assertThat(EventJson.convert(versions.get(0).get("manifest"), ModelManifest.class))
                .isEqualTo(manifest("btc-logit", 1, 0.55));
    }

    @Test
    void anUnknownModelIsA404ProblemAndTheRoutesAreReadOnly() throws Exception {
        HttpResponse<String> unknown = get("/models/ghost");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(EventJson.readTree(unknown.body()).get("type").asText()).contains("unknown-model");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/models"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(get("/models").body()).contains("\"models\":[]");
    }

    @Test
    void theModelRoutesBelongToTheReadOnlyTradingFunctionOnly() {
        ApiRequest request = new ApiRequest("GET", "/models", Map.of(), Map.of(), "", "test");
        ApiServices services = new ApiServices(fixture.health, fixture.view, fixture.policy,
                fixture.services.commands(), registry);

        assertThat(ApiRouter.serving(EnumSet.of(RouteGroup.TRADING), services).handle(request).status())
                .isEqualTo(200);
        assertThat(ApiRouter.serving(EnumSet.of(RouteGroup.ADMIN), services).handle(request).status())
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return server.uri().resolve(path);
    }

    private static ModelManifest manifest(String id, int version, double auc) {
        return new ModelManifest(id, version, "tribuo", new FeatureSpec("bars-v1", 1, List.of("ret_1", "rsi_14")),
                new LabelSpec(12, 1.5, 14, 8.0), Instant.parse("2022-01-01T00:00:00Z"),
                Instant.parse("2024-12-31T00:00:00Z"), "ab12", Map.of(), Map.of("auc", auc), "{}");
    }
}
