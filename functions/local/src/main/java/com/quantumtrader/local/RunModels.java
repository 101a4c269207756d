package com.quantumtrader.local;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.ml.registry.FileModelRegistry;
import com.quantumtrader.core.ml.registry.ModelReference;
import com.quantumtrader.core.ml.registry.ModelRegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code --models DIR}: every version and champion of a file model registry ({@code models list} shows it), read
 * whole when the options are parsed, so a missing directory or a corrupt manifest is an input error naming it before
 * anything runs, then copied into the run's registry (a backtest's in-memory one, paper's Redis one).
 */
record RunModels(List<Version> versions, Map<String, String> champions) {

    record Version(ModelManifest manifest, byte[] artifact) {
    }

    RunModels {
        versions = List.copyOf(versions);
        champions = Map.copyOf(champions);
    }

    static RunModels none() {
        return new RunModels(List.of(), Map.of());
    }

    /** @throws IllegalArgumentException naming {@code --models DIR} and what is wrong in it */
    static RunModels load(Optional<Path> dir) {
        if (dir.isEmpty()) {
            return none();
        }
        String named = "--models " + dir.get();
        if (!Files.isDirectory(dir.get())) {
            throw new IllegalArgumentException(named + ": no such directory");
        }
        FileModelRegistry registry = new FileModelRegistry(dir.get());
        try {
            List<Version> versions = new ArrayList<>();
            for (ModelManifest manifest : registry.list()) {
                byte[] artifact = registry.artifact(manifest.id(), manifest.version()).orElseThrow(() ->
                        new ModelRegistryException("model " + manifest.reference() + " has no artifact"));
                versions.add(new Version(manifest, artifact));
            }
            Map<String, String> champions = new TreeMap<>(registry.champions());
            for (Map.Entry<String, String> champion : champions.entrySet()) {
                if (versions.stream().noneMatch(v -> v.manifest().reference().equals(champion.getValue()))) {
                    throw new ModelRegistryException("champion of " + champion.getKey() + " is "
                            + champion.getValue() + ", which the directory does not hold");
                }
            }
            return new RunModels(versions, champions);
        } catch (ModelRegistryException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(named + ": " + e.getMessage(), e);
        }
    }

    /**
     * Registers each version the run's registry does not hold yet (a resumed paper run holds them already; the same
     * reference with other bytes is refused) and promotes the champions.
     */
    void copyInto(ModelRegistry registry) {
        for (Version version : versions) {
            ModelManifest manifest = version.manifest();
            Optional<byte[]> held = registry.artifact(manifest.id(), manifest.version());
            if (held.isEmpty()) {
                registry.register(manifest, version.artifact());
            } else if (!Arrays.equals(held.get(), version.artifact())) {
                throw new IllegalArgumentException("model " + manifest.reference() + " of --models differs from "
                        + "the version of that name the run's registry already holds; versions are immutable");
            }
        }
        champions.forEach((slot, reference) -> {
            ModelReference champion = ModelReference.parse(reference);
            registry.promote(slot, champion.id(), champion.version());
        });
    }
}
