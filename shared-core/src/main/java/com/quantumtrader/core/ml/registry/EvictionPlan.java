package com.quantumtrader.core.ml.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Which stored versions a new registration evicts to stay within the limits: oldest first, never a champion. */
final class EvictionPlan {

    private EvictionPlan() {
    }

    /**
     * @throws ModelRegistryException when the artifact alone is over the byte bound, or only evicting a champion
     *                                would make room
     */
    static List<StoredVersion> evictionsFor(StoredVersion incoming, List<StoredVersion> stored,
            Set<ModelReference> champions, RegistryLimits limits) {
        if (incoming.artifactBytes() > limits.maxArtifactBytes()) {
            throw new ModelRegistryException("artifact of " + incoming.reference() + " is " + incoming.artifactBytes()
                    + " bytes, more than the registry's whole bound of " + limits.maxArtifactBytes()
                    + " bytes: refused, nothing stored");
        }
        List<StoredVersion> oldestFirst = new ArrayList<>(stored);
        oldestFirst.sort(Comparator.comparingLong(StoredVersion::sequence));
        List<StoredVersion> evicted = new ArrayList<>();
        long sameId = stored.stream().filter(v -> v.manifest().id().equals(incoming.manifest().id())).count() + 1;
        long bytes = incoming.artifactBytes() + stored.stream().mapToLong(StoredVersion::artifactBytes).sum();
        for (StoredVersion candidate : oldestFirst) {
            boolean tooManyVersions = sameId > limits.maxVersionsPerId();
            boolean tooManyBytes = bytes > limits.maxArtifactBytes();
            if (!tooManyVersions && !tooManyBytes) {
                break;
            }
            boolean helps = tooManyBytes || candidate.manifest().id().equals(incoming.manifest().id());
            if (helps && !champions.contains(candidate.reference())) {
                evicted.add(candidate);
                bytes -= candidate.artifactBytes();
                if (candidate.manifest().id().equals(incoming.manifest().id())) {
                    sameId--;
                }
            }
        }
        if (sameId > limits.maxVersionsPerId() || bytes > limits.maxArtifactBytes()) {
            throw new ModelRegistryException("registering " + incoming.reference() + " would exceed the registry's "
                    + "bound (" + limits + ") and every older version that could make room is a champion: refused, "
                    + "nothing stored");
        }
        return evicted;
    }
}
