package com.quantumtrader.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes model versions in the directory layout the file model registry reads:
 * {@code <dir>/<id>/<version>/manifest.json} (the manifest, Jackson with {@link EventJson}'s settings) and
 * {@code <dir>/<id>/<version>/artifact.bin}; champions live in {@code <dir>/champions.json} ({@code {slot:
 * "id@version"}}), which training never writes (promotion is a separate, deliberate step). A small stand-in until
 * the registry's file implementation is merged; a version is never overwritten.
 */
final class ModelDirectory {

    private final Path root;

    ModelDirectory(Path root) {
        this.root = root;
    }

    /** The next free version of {@code id}: one more than the highest there, 1 for a new id. */
    int nextVersion(String id) {
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir)) {
            return 1;
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return versions.map(p -> p.getFileName().toString()).filter(n -> n.matches("[1-9][0-9]{0,8}"))
                    .mapToInt(Integer::parseInt).max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    Path write(ModelManifest manifest, byte[] artifact) {
        Path dir = root.resolve(manifest.id()).resolve(Integer.toString(manifest.version()));
        if (Files.exists(dir)) {
            throw new IllegalStateException("model " + manifest.reference() + " already exists in " + root);
        }
        try {
            Files.createDirectories(dir);
            ObjectNode json = EventJson.mapper().valueToTree(manifest);
            Files.write(dir.resolve("artifact.bin"), artifact);
            Files.writeString(dir.resolve("manifest.json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + manifest.reference() + " to " + dir, e);
        }
    }

    ModelManifest readManifest(String id, int version) {
        Path file = root.resolve(id).resolve(Integer.toString(version)).resolve("manifest.json");
        try {
            return EventJson.mapper().readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    byte[] readArtifact(String id, int version) {
        Path file = root.resolve(id).resolve(Integer.toString(version)).resolve("artifact.bin");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
