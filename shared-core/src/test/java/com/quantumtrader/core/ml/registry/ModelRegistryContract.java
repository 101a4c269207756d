package com.quantumtrader.core.ml.registry;

import static com.quantumtrader.core.ml.registry.Manifests.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import org.junit.jupiter.api.Test;

/** What every model registry does, whatever it stores in. */
abstract class ModelRegistryContract {

    protected abstract ModelRegistry newRegistry();

    @Test
    void givesBackTheManifestAndArtifactItRegistered() {
        ModelRegistry registry = newRegistry();
        ModelManifest manifest = manifest("btc-logit", 1);

        registry.register(manifest, new byte[] {1, 2, 3});

        assertThat(registry.manifest("btc-logit", 1)).contains(manifest);
        assertThat(registry.artifact("btc-logit", 1)).hasValueSatisfying(a -> assertThat(a).containsExactly(1, 2, 3));
        assertThat(registry.list()).containsExactly(manifest);
        assertThat(registry.manifest("btc-logit", 2)).isEmpty();
        assertThat(registry.artifact("btc-logit", 2)).isEmpty();
    }

    @Test
    void refusesToOverwriteARegisteredVersion() {
        ModelRegistry registry = newRegistry();
        registry.register(manifest("btc-logit", 1), new byte[] {1});

        assertThatThrownBy(() -> registry.register(manifest("btc-logit", 1), new byte[] {9}))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("btc-logit@1 is already registered");
        assertThat(registry.artifact("btc-logit", 1)).hasValueSatisfying(a -> assertThat(a).containsExactly(1));
    }

    @Test
    void listsVersionsByIdThenVersion() {
        ModelRegistry registry = newRegistry();
        registry.register(manifest("eth", 2), new byte[] {1});
        registry.register(manifest("btc", 10), new byte[] {1});
        registry.register(manifest("btc", 9), new byte[] {1});

        assertThat(registry.list()).extracting(ModelManifest::reference).containsExactly("btc@9", "btc@10", "eth@2");
    }

    @Test
    void promotionMakesTheOldChampionAChallenger() {
        ModelRegistry registry = newRegistry();
        registry.register(manifest("btc", 1), new byte[] {1});
        registry.register(manifest("btc", 2), new byte[] {2});
        registry.promote("trend", "btc", 1);
        registry.addChallenger("trend", "btc", 2);

        registry.promote("trend", "btc", 2);

        assertThat(registry.champion("trend")).contains("btc@2");
        assertThat(registry.challengers("trend")).containsExactly("btc@1");
        assertThat(registry.champion("mean-reversion")).isEmpty();
        assertThat(registry.champions()).containsExactly(java.util.Map.entry("trend", "btc@2"));
        assertThat(registry.challengers("mean-reversion")).isEmpty();
    }

    @Test
    void refusesToPromoteAnUnknownVersionWithTheReason() {
        ModelRegistry registry = newRegistry();
        registry.register(manifest("btc", 1), new byte[] {1});

        assertThatThrownBy(() -> registry.promote("trend", "btc", 2))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("cannot promote btc@2 to champion of slot 'trend'")
                .hasMessageContaining("no such model version");
        assertThatThrownBy(() -> registry.promote("trend", "eth", 1)).isInstanceOf(ModelRegistryException.class);
        assertThatThrownBy(() -> registry.addChallenger("trend", "eth", 1)).isInstanceOf(ModelRegistryException.class);
        assertThat(registry.champion("trend")).isEmpty();
    }

    @Test
    void refusesIdsThatCannotBeAReferenceOrADirectory() {
        ModelRegistry registry = newRegistry();

        for (String id : new String[] {"../evil", "a@b", ".hidden", "a/b"}) {
            assertThatThrownBy(() -> registry.register(manifest(id, 1), new byte[] {1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model id");
        }
        assertThat(registry.list()).isEmpty();
    }
}
