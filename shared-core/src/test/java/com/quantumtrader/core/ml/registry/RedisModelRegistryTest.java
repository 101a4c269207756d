package com.quantumtrader.core.ml.registry;

import static com.quantumtrader.core.ml.registry.Manifests.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisModelRegistryTest extends ModelRegistryContract {

    private static RedisConnections connections;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.connect(RedisTestServer.url());
    }

    @AfterAll
    static void disconnect() {
        connections.close();
    }

    @Override
    protected ModelRegistry newRegistry() {
        return bounded(RegistryLimits.DEFAULT);
    }

    private static KeyValueModelRegistry bounded(RegistryLimits limits) {
        RedisTestServer.flush();
        return new KeyValueModelRegistry(new RedisKeyValueStore(connections, Domain.LEARNING), limits);
    }

    @Test
    void evictsTheOldestVersionOfAnIdPastTheVersionBoundButNeverTheChampion() {
        KeyValueModelRegistry registry = bounded(new RegistryLimits(2, 1_000));
        registry.register(manifest("btc", 1), new byte[] {1});
        registry.register(manifest("btc", 2), new byte[] {2});
        registry.promote("trend", "btc", 1);
        registry.addChallenger("trend", "btc", 2);
        registry.register(manifest("eth", 1), new byte[] {3});

        registry.register(manifest("btc", 3), new byte[] {4});

        assertThat(registry.list()).extracting(ModelManifest::reference).containsExactly("btc@1", "btc@3", "eth@1");
        assertThat(registry.artifact("btc", 2)).isEmpty();
        assertThat(registry.challengers("trend")).isEmpty();
        assertThat(registry.champion("trend")).contains("btc@1");
    }

    @Test
    void evictsTheOldestNonChampionsOfAnyIdPastTheByteBound() {
        KeyValueModelRegistry registry = bounded(new RegistryLimits(10, 10));
        registry.register(manifest("a", 1), new byte[4]);
        registry.register(manifest("b", 1), new byte[4]);
        registry.promote("trend", "a", 1);

        registry.register(manifest("c", 1), new byte[4]);

        assertThat(registry.list()).extracting(ModelManifest::reference).containsExactly("a@1", "c@1");
    }

    @Test
    void refusesAnArtifactLargerThanTheWholeBoundAndStoresNothing() {
        KeyValueModelRegistry registry = bounded(new RegistryLimits(10, 10));
        registry.register(manifest("a", 1), new byte[4]);

        assertThatThrownBy(() -> registry.register(manifest("big", 1), new byte[11]))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("big@1 is 11 bytes, more than the registry's whole bound of 10 bytes");
        assertThat(registry.list()).extracting(ModelManifest::reference).containsExactly("a@1");
    }

    @Test
    void refusesARegistrationThatOnlyEvictingAChampionWouldFit() {
        KeyValueModelRegistry registry = bounded(new RegistryLimits(10, 10));
        registry.register(manifest("a", 1), new byte[8]);
        registry.promote("trend", "a", 1);

        assertThatThrownBy(() -> registry.register(manifest("b", 1), new byte[4]))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("is a champion");
        assertThat(registry.list()).extracting(ModelManifest::reference).containsExactly("a@1");
        registry.register(manifest("b", 1), new byte[2]);
        assertThat(registry.list()).hasSize(2);
    }
}
