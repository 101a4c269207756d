package com.quantumtrader.ai.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.ml.FeatureSpec;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In a Lambda the AI engine finds the deployment's model registry on the Redis that holds its own state. */
class DeploymentModelsTest {

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    @Test
    void seesTheVersionsAndChampionsLearningRegisteredOnTheSameRedis() {
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            // given a version registered and promoted through the deployment's registry (as learning does)
            ModelRegistry learning = ModelRegistries.redis(redis);
            learning.register(manifest("btc-long", 1), new byte[] {1, 2, 3});
            learning.promote("model_driven", "btc-long", 1);

            // when the AI engine looks for a registry beside its Redis state
            ModelRegistry found = DeploymentModels.besideState(new RedisKeyValueStore(redis, Domain.AI_ENGINE))
                    .orElseThrow();

            // then it serves what was registered there
            assertThat(found.champion("model_driven")).contains("btc-long@1");
            assertThat(found.artifact("btc-long", 1)).hasValueSatisfying(bytes -> assertThat(bytes)
                    .containsExactly(1, 2, 3));
        }
    }

    @Test
    void stateThatIsNotRedisHasNoDeploymentRegistry() {
        assertThat(DeploymentModels.besideState(new InMemoryKeyValueStore())).isEmpty();
    }

    private static ModelManifest manifest(String id, int version) {
        return new ModelManifest(id, version, "tribuo", new FeatureSpec("bars-v1", 1, List.of("ret_1", "rsi_14")),
                null, Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), "00",
                Map.of(), Map.of("auc", 0.6), "{}");
    }
}
