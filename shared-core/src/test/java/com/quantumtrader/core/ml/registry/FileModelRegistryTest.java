package com.quantumtrader.core.ml.registry;

import static com.quantumtrader.core.ml.registry.Manifests.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.ml.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelRegistryTest extends ModelRegistryContract {

    @TempDir
    Path dir;

    @Override
    protected ModelRegistry newRegistry() {
        return new FileModelRegistry(dir);
    }

    @Test
    void keepsTheAgreedDirectoryLayout() throws IOException {
        ModelRegistry registry = newRegistry();
        registry.register(manifest("btc", 3), new byte[] {7});

        registry.promote("trend", "btc", 3);

        assertThat(dir.resolve("btc/3/manifest.json")).content().contains("\"feature_spec\"", "\"id\" : \"btc\"");
        assertThat(Files.readAllBytes(dir.resolve("btc/3/artifact.bin"))).containsExactly(7);
        assertThat(dir.resolve("champions.json")).content().contains("\"trend\" : \"btc@3\"");
        assertThat(new FileModelRegistry(dir).champion("trend")).contains("btc@3");
    }

    @Test
    void aCorruptManifestIsAClearErrorNamingTheFile() throws IOException {
        ModelRegistry registry = newRegistry();
        registry.register(manifest("btc", 1), new byte[] {1});
        Path file = dir.resolve("btc/1/manifest.json");
        Files.writeString(file, "{\"id\": \"btc\", \"version\": ");

        assertThatThrownBy(registry::list).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("corrupt model manifest " + file);
        assertThatThrownBy(() -> registry.manifest("btc", 1)).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("corrupt model manifest");
    }

    @Test
    void aManifestInTheWrongDirectoryIsRefused() throws IOException {
        ModelRegistry registry = newRegistry();
        registry.register(manifest("btc", 1), new byte[] {1});
        Files.createDirectories(dir.resolve("btc/2"));
        Files.copy(dir.resolve("btc/1/manifest.json"), dir.resolve("btc/2/manifest.json"));

        assertThatThrownBy(registry::list).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("it names btc@1 but lies in the directory of btc@2");
    }

    @Test
    void aCorruptChampionsFileIsAClearError() throws IOException {
        Files.writeString(dir.resolve("champions.json"), "[oops");

        assertThatThrownBy(() -> newRegistry().champion("trend")).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("corrupt " + dir.resolve("champions.json"));
    }
}
