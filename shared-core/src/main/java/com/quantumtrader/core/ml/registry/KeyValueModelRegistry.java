package com.quantumtrader.core.ml.registry;

import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ModelRegistry;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.StateWrite;
import com.quantumtrader.events.EventJson;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The model registry over a {@link KeyValueStore}: Redis in paper and AWS, memory in backtests. Bounded by
 * {@link RegistryLimits}; a registration and the evictions it causes are one atomic write. Keys (relative to the
 * store's domain prefix): {@code models:versions} hash {@code id@version -> manifest, sequence, size};
 * {@code models:artifact:<id@version>} the artifact as Base64; {@code models:champions} hash slot -> id@version;
 * {@code models:challengers} hash slot -> challengers; {@code models:sequence} and {@code models:claim:<id@version>}
 * counters (the claim makes two concurrent registrations of one version fail instead of overwriting each other).
 */
public final class KeyValueModelRegistry implements ModelRegistry {

    private static final String VERSIONS = "models:versions";
    private static final String CHAMPIONS = "models:champions";
    private static final String CHALLENGERS = "models:challengers";
    private static final String SEQUENCE = "models:sequence";

    private final KeyValueStore store;
    private final RegistryLimits limits;

    public KeyValueModelRegistry(KeyValueStore store, RegistryLimits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public synchronized void register(ModelManifest manifest, byte[] artifact) {
        ModelReference reference = new ModelReference(manifest.id(), manifest.version());
        StoredVersion incoming = new StoredVersion(manifest, 0, artifact.length);
        List<StoredVersion> stored = stored();
        EvictionPlan.evictionsFor(incoming, stored, championReferences(), limits); // refuses before any write
        if (store.hashGet(VERSIONS, reference.toString()).isPresent()
                || store.increment(claimKey(reference), 1) != 1) {
            throw new ModelRegistryException("model " + reference + " is already registered; versions are immutable");
        }
        StoredVersion version = new StoredVersion(manifest, store.increment(SEQUENCE, 1), artifact.length);
        List<StoredVersion> evicted;
        try {
            evicted = EvictionPlan.evictionsFor(version, stored(), championReferences(), limits);
        } catch (ModelRegistryException refused) {
            store.delete(claimKey(reference));
            throw refused;
        }
        List<StateWrite> writes = new ArrayList<>();
        writes.add(new StateWrite.Put(artifactKey(reference), Base64.getEncoder().encodeToString(artifact)));
        writes.add(new StateWrite.HashPut(VERSIONS, reference.toString(), version));
        for (StoredVersion gone : evicted) {
            writes.add(new StateWrite.Delete(artifactKey(gone.reference())));
            writes.add(new StateWrite.Delete(claimKey(gone.reference())));
            writes.add(new StateWrite.HashDelete(VERSIONS, gone.reference().toString()));
        }
        challengersWithout(evicted).forEach((slot, kept) -> writes.add(new StateWrite.HashPut(CHALLENGERS, slot, kept)));
        store.writeAtomically(writes);
    }

    @Override
    public List<ModelManifest> list() {
        return stored().stream()
                .map(StoredVersion::manifest)
                .sorted(Comparator.comparing(ModelManifest::id).thenComparingInt(ModelManifest::version))
                .toList();
    }

    @Override
    public Optional<ModelManifest> manifest(String id, int version) {
        return storedVersion(new ModelReference(id, version)).map(StoredVersion::manifest);
    }

    @Override
    public Optional<byte[]> artifact(String id, int version) {
        ModelReference reference = new ModelReference(id, version);
        return store.get(artifactKey(reference)).map(text -> {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new ModelRegistryException("artifact of " + reference + " in the registry is not Base64", e);
            }
        });
    }

    @Override
    public Optional<String> champion(String slot) {
        return store.hashGet(CHAMPIONS, slot);
    }

    @Override
    public Map<String, String> champions() {
        return new java.util.TreeMap<>(store.hashGetAll(CHAMPIONS));
    }

    @Override
    public synchronized void promote(String slot, String id, int version) {
        ModelReference reference = new ModelReference(id, version);
        if (storedVersion(reference).isEmpty()) {
            throw new ModelRegistryException("cannot promote " + reference + " to champion of slot '" + slot
                    + "': no such model version in the registry");
        }
        SlotChallengers challengers = challengersOf(slot).without(reference.toString());
        Optional<String> previous = champion(slot).filter(old -> !old.equals(reference.toString()));
        if (previous.isPresent()) {
            challengers = challengers.with(previous.get());
        }
        store.writeAtomically(List.of(
                new StateWrite.HashPut(CHAMPIONS, slot, reference.toString()),
                new StateWrite.HashPut(CHALLENGERS, slot, challengers)));
    }

    @Override
    public List<String> challengers(String slot) {
        return challengersOf(slot).references();
    }

    @Override
    public synchronized void addChallenger(String slot, String id, int version) {
        ModelReference reference = new ModelReference(id, version);
        if (storedVersion(reference).isEmpty()) {
            throw new ModelRegistryException("cannot add " + reference + " as challenger of slot '" + slot
                    + "': no such model version in the registry");
        }
        if (champion(slot).filter(reference.toString()::equals).isEmpty()) {
            store.hashPutJson(CHALLENGERS, slot, challengersOf(slot).with(reference.toString()));
        }
    }

    private SlotChallengers challengersOf(String slot) {
        return store.hashGetJson(CHALLENGERS, slot, SlotChallengers.class).orElse(SlotChallengers.NONE);
    }

    private Map<String, SlotChallengers> challengersWithout(List<StoredVersion> evicted) {
        Map<String, SlotChallengers> changed = new java.util.TreeMap<>();
        if (evicted.isEmpty()) {
            return changed;
        }
        store.hashGetAllJson(CHALLENGERS, SlotChallengers.class).forEach((slot, challengers) -> {
            SlotChallengers kept = challengers;
            for (StoredVersion gone : evicted) {
                kept = kept.without(gone.reference().toString());
            }
            if (!kept.equals(challengers)) {
                changed.put(slot, kept);
            }
        });
        return changed;
    }

    private Set<ModelReference> championReferences() {
        Set<ModelReference> champions = new HashSet<>();
        store.hashGetAll(CHAMPIONS).values().forEach(reference -> champions.add(ModelReference.parse(reference)));
        return champions;
    }

    private List<StoredVersion> stored() {
        List<StoredVersion> versions = new ArrayList<>();
        store.hashGetAll(VERSIONS).forEach((reference, json) -> versions.add(decode(reference, json)));
        return versions;
    }

    private Optional<StoredVersion> storedVersion(ModelReference reference) {
        return store.hashGet(VERSIONS, reference.toString()).map(json -> decode(reference.toString(), json));
    }

    private static StoredVersion decode(String reference, String json) {
        try {
            return EventJson.read(json, StoredVersion.class);
        } catch (RuntimeException e) {
            throw new ModelRegistryException("manifest of " + reference + " in the registry is not readable: "
                    + e.getMessage(), e);
        }
    }

    private static String artifactKey(ModelReference reference) {
        return "models:artifact:" + reference;
    }

    private static String claimKey(ModelReference reference) {
        return "models:claim:" + reference;
    }
}
