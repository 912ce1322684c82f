package io.demandcast.core.artifact;

/** How far {@link ArtifactStore#verify} could vouch for a version's {@code manifest.json}. */
public enum ManifestCheck {
    /** The manifest matches {@code manifest.sha256} and the signing key's {@code manifest.sig}. */
    SIGNED("manifest signed"),
    /** The manifest matches {@code manifest.sha256}; no signing key was set to check more. */
    DIGEST_VERIFIED("manifest verified"),
    /**
     * The version has no {@code manifest.sha256}: published before manifests were covered. Its
     * payload checksums still hold, but an edit of the manifest itself cannot be detected.
     */
    UNVERIFIED("manifest unverified: no " + Artifact.MANIFEST_DIGEST_FILE + ", published by an earlier demandcast");

    private final String description;

    ManifestCheck(String description) {
        this.description = description;
    }

    /** A few words for progress lines, e.g. {@code manifest verified}. */
    public String description() {
        return description;
    }
}
