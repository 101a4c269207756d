package com.quantumtrader.core.ml.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The model registry as a directory, for the local runtime and the {@code models} command:
 * {@code <dir>/<id>/<version>/manifest.json}, {@code <dir>/<id>/<version>/artifact.bin},
 * {@code <dir>/champions.json} ({@code {slot: "id@version"}}) and {@code <dir>/challengers.json}
 * ({@code {slot: ["id@version", ...]}}). JSON is written with the events module's settings. A version directory is
 * claimed atomically and its manifest written last (by rename), so a half-written version is never listed. Not
 * bounded: the directory is the operator's.
 */
public final class FileModelRegistry implements ModelRegistry {

    static final String MANIFEST = "manifest.json";
    static final String ARTIFACT = "artifact.bin";
    static final String CHAMPIONS = "champions.json";
    static final String CHALLENGERS = "challengers.json";
    private static final ObjectMapper JSON = EventJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public FileModelRegistry(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void register(ModelManifest manifest, byte[] artifact) {
        ModelReference reference = new ModelReference(manifest.id(), manifest.version());
        Path versionDir = versionDir(reference);
        try {
            Files.createDirectories(versionDir.getParent());
            Files.createDirectory(versionDir);
        } catch (FileAlreadyExistsException e) {
            throw new ModelRegistryException("model " + reference + " is already registered in " + dir
                    + "; versions are immutable");
        } catch (IOException e) {
            throw new ModelRegistryException("cannot create " + versionDir + ": " + e.getMessage(), e);
        }
        try {
            Files.write(versionDir.resolve(ARTIFACT), artifact);
            writeAtomically(versionDir.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new ModelRegistryException("cannot write model " + reference + " to " + versionDir + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<ModelManifest> list() {
        List<ModelManifest> manifests = new ArrayList<>();
        for (Path idDir : children(dir)) {
            for (Path versionDir : children(idDir)) {
                if (Files.isRegularFile(versionDir.resolve(MANIFEST))) {
                    manifests.add(readManifest(versionDir.resolve(MANIFEST), null));
                }
            }
        }
        manifests.sort(Comparator.comparing(ModelManifest::id).thenComparingInt(ModelManifest::version));
        return manifests;
    }

    @Override
    public Optional<ModelManifest> manifest(String id, int version) {
        ModelReference reference = new ModelReference(id, version);
        Path file = versionDir(reference).resolve(MANIFEST);
        return Files.isRegularFile(file) ? Optional.of(readManifest(file, reference)) : Optional.empty();
    }

    @Override
    public Optional<byte[]> artifact(String id, int version) {
        ModelReference reference = new ModelReference(id, version);
        if (manifest(id, version).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(versionDir(reference).resolve(ARTIFACT)));
        } catch (IOException e) {
            throw new ModelRegistryException("artifact of " + reference + " is missing or unreadable in "
                    + versionDir(reference) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> champion(String slot) {
        return Optional.ofNullable(champions().get(slot));
    }

    @Override
    public Map<String, String> champions() {
        return readMap(CHAMPIONS, new TypeReference<TreeMap<String, String>>() { });
    }

    @Override
    public synchronized void promote(String slot, String id, int version) {
        ModelReference reference = new ModelReference(id, version);
        requireRegistered(reference, "promote " + reference + " to champion of slot '" + slot + "'");
        Map<String, String> champions = champions();
        Map<String, List<String>> challengers = allChallengers();
        SlotChallengers slotChallengers = new SlotChallengers(challengers.get(slot)).without(reference.toString());
        String previous = champions.put(slot, reference.toString());
        if (previous != null && !previous.equals(reference.toString())) {
            slotChallengers = slotChallengers.with(previous);
        }
        challengers.put(slot, slotChallengers.references());
        writeMap(CHALLENGERS, challengers);
        writeMap(CHAMPIONS, champions);
    }

    @Override
    public List<String> challengers(String slot) {
        return new SlotChallengers(allChallengers().get(slot)).references();
    }

    @Override
    public synchronized void addChallenger(String slot, String id, int version) {
        ModelReference reference = new ModelReference(id, version);
        requireRegistered(reference, "add " + reference + " as challenger of slot '" + slot + "'");
        if (reference.toString().equals(champions().get(slot))) {
            return;
        }
        Map<String, List<String>> challengers = allChallengers();
        challengers.put(slot, new SlotChallengers(challengers.get(slot)).with(reference.toString()).references());
        writeMap(CHALLENGERS, challengers);
    }

    private void requireRegistered(ModelReference reference, String what) {
        if (manifest(reference.id(), reference.version()).isEmpty()) {
            throw new ModelRegistryException("cannot " + what + ": no such model version in " + dir);
        }
    }

    private Map<String, List<String>> allChallengers() {
        return readMap(CHALLENGERS, new TypeReference<TreeMap<String, List<String>>>() { });
    }

    private Path versionDir(ModelReference reference) {
        return dir.resolve(reference.id()).resolve(Integer.toString(reference.version()));
    }

    private static ModelManifest readManifest(Path file, ModelReference expected) {
        ModelManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), ModelManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new ModelRegistryException("corrupt model manifest " + file + ": " + e.getMessage(), e);
        }
        String directory = file.getParent().getParent().getFileName() + "@" + file.getParent().getFileName();
        if (!manifest.reference().equals(directory) || (expected != null && !expected.toString().equals(directory))) {
            throw new ModelRegistryException("corrupt model manifest " + file + ": it names " + manifest.reference()
                    + " but lies in the directory of " + directory);
        }
        return manifest;
    }

    private <T> T readMap(String name, TypeReference<T> type) {
        Path file = dir.resolve(name);
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return JSON.convertValue(Map.of(), type);
        } catch (IOException e) {
            throw new ModelRegistryException("corrupt " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeMap(String name, Map<String, ?> value) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(name), JSON.writeValueAsBytes(new TreeMap<>(value)));
        } catch (IOException e) {
            throw new ModelRegistryException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        Files.write(temp, bytes);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> children(Path parent) {
        List<Path> children = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return children;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, Files::isDirectory)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            throw new ModelRegistryException("cannot list " + parent + ": " + e.getMessage(), e);
        }
        return children;
    }
}
