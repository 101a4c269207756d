package com.quantumtrader.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.ProbabilityModel;
import com.quantumtrader.core.ml.onnx.OnnxTestModels;
import com.quantumtrader.core.ml.registry.KeyValueModelRegistry;
import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.core.ml.registry.RegistryLimits;
import com.quantumtrader.core.ml.serving.ModelLoader;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model-serving Lambda ({@code MODEL_SLOTS}) loads its slots' champions from the Redis model registry at the
 * SnapStart checkpoint, so the restored function serves them without loading them again.
 */
class LambdaModelPrimingTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            LambdaEnvironment.REDIS_URL, "",
            LambdaEnvironment.EVENT_BUS_NAME, "quantum-test-bus",
            DomainFunctionSnapStart.MODEL_SLOTS, "model, empty-slot",
            "aws.region", "eu-west-1");

    private static SnapStartHooks hooks;

    @BeforeAll
    static void coldStartWithAChampionInTheRegistry() {
        ENVIRONMENT.forEach((name, value) -> System.setProperty(name,
                name.equals(LambdaEnvironment.REDIS_URL) ? RedisTestServer.url() : value));
        RedisTestServer.flush();
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url())) {
            ModelRegistry registry = ModelRegistries.redis(redis);
            registry.register(OnnxTestModels.manifest("primed", 1), OnnxTestModels.onnx());
            registry.promote("model", "primed", 1);
        }
        LambdaTestSupport.start(LambdaApplication.class, BarRegimeTestModule.HANDLER);
        List<SnapStartHooks> registered = SnapStartHooks.registered();
        hooks = registered.get(registered.size() - 1);
    }

    @AfterAll
    static void closeConnectionsAndClearEnvironment() {
        hooks.beforeCheckpoint(null); // closes this function's Redis connections: other tests count clients
        ENVIRONMENT.keySet().forEach(System::clearProperty);
    }

    @Test
    void theCheckpointLoadsEachSlotsChampionOnceAndTheRestoredFunctionServesItWithoutTheRegistry() {
        assertThat(ModelLoader.shared(emptyRegistry()).loadedVersions()).doesNotContain("primed@1");
        List<String> keysBefore;
        try (StatefulRedisConnection<String, String> observer = RedisTestServer.client().connect()) {
            keysBefore = observer.sync().keys("*");

            hooks.beforeCheckpoint(null);

            assertThat(observer.sync().keys("*")).as("priming wrote nothing")
                    .containsExactlyInAnyOrderElementsOf(keysBefore);
        }
        hooks.afterRestore(null);

        // a registry that holds nothing: the model can only come from what the checkpoint loaded
        ProbabilityModel served = ModelLoader.shared(emptyRegistry()).load("primed@1");
        assertThat(served.manifest().reference()).isEqualTo("primed@1");
        assertThat(served.probability(new double[] {3, -3, 0, 0})).isGreaterThan(0.9);
    }

    private static KeyValueModelRegistry emptyRegistry() {
        return new KeyValueModelRegistry(new InMemoryKeyValueStore(), RegistryLimits.DEFAULT);
    }
}
