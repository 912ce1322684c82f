package io.demandcast.core.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One published model version, as found by {@link ArtifactStore#resolve}:
 *
 * <pre>
 * &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/manifest.json   {@link ArtifactManifest}
 * &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/manifest.sha256 SHA-256 of manifest.json, in sha256sum's format
 * &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/manifest.sig    HMAC-SHA256 of that digest, when published with a {@link SigningKey}
 * &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/config.yaml     the full resolved experiment config
 * &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/model/          the payload, as written by the model's save
 * </pre>
 *
 * @param directory the version directory
 * @param manifest  its manifest
 */
public record Artifact(Path directory, ArtifactManifest manifest) {
    /** File name of the manifest. */
    public static final String MANIFEST_FILE = "manifest.json";
    /** File name of the manifest's digest (covers the manifest, which cannot list its own checksum). */
    public static final String MANIFEST_DIGEST_FILE = "manifest.sha256";
    /** File name of the manifest digest's signature. */
    public static final String SIGNATURE_FILE = "manifest.sig";
    /** File name of the resolved config. */
    public static final String CONFIG_FILE = "config.yaml";
    /** Directory the payload is saved into (the model's {@code save} gets it empty). */
    public static final String PAYLOAD_DIR = "model";

    public Artifact {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(manifest, "manifest");
    }

    public String name() {
        return manifest.name();
    }

    public String version() {
        return manifest.version();
    }

    /** The directory to hand to {@link io.demandcast.core.model.ModelFamily#load}. */
    public Path payloadDirectory() {
        return directory.resolve(PAYLOAD_DIR);
    }

    public Path configFile() {
        return directory.resolve(CONFIG_FILE);
    }

    /** The resolved config the model was trained with, as YAML text. */
    public String readConfigYaml() throws IOException {
        return Files.readString(configFile(), StandardCharsets.UTF_8);
    }
}
