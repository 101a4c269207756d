package com.quantumtrader.core.ml.registry;

/**
 * The size bound of a registry kept in Redis: at most {@code maxVersionsPerId} versions of one id and at most
 * {@code maxArtifactBytes} of artifacts in all. Registering past a bound evicts the oldest versions that no slot
 * holds as champion; a champion is never evicted. A single artifact larger than {@code maxArtifactBytes}, or a
 * registration that could only fit by evicting a champion, is refused and nothing is stored.
 */
public record RegistryLimits(int maxVersionsPerId, long maxArtifactBytes) {

    /** 20 versions per id, 256 MiB of artifacts: a few dozen forests or imported networks. */
    public static final RegistryLimits DEFAULT = new RegistryLimits(20, 256L * 1024 * 1024);

    public RegistryLimits {
        if (maxVersionsPerId < 1 || maxArtifactBytes < 1) {
            throw new IllegalArgumentException("registry limits must be positive: " + maxVersionsPerId + " versions, "
                    + maxArtifactBytes + " bytes");
        }
    }
}
