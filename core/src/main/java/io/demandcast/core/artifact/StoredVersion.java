package io.demandcast.core.artifact;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One version as {@link StoreCatalog} lists it.
 *
 * @param model     model name
 * @param version   version name
 * @param directory the version directory
 * @param artifact  the version with its manifest, or null when the manifest cannot be read
 * @param problem   why the manifest cannot be read (one line naming the file), or null
 * @param latest    whether {@code LATEST} names this version
 * @param sizeBytes bytes of every regular file in the version
 */
public record StoredVersion(String model, String version, Path directory, Artifact artifact, String problem, boolean latest,
                            long sizeBytes) {
    public StoredVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        if ((artifact == null) == (problem == null)) {
            throw new IllegalArgumentException("a stored version has either an artifact or a problem");
        }
    }

    /** The manifest, or null when it cannot be read. */
    public ArtifactManifest manifest() {
        return artifact == null ? null : artifact.manifest();
    }
}
