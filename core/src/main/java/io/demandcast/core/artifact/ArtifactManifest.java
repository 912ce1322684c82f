package io.demandcast.core.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.data.DatasetManifest;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of an artifact version: plain JSON with snake_case keys, so
 * {@code jq .model_family manifest.json} answers "what produced this model?".
 *
 * <p>Keys added in later minor versions are optional here and default to empty or null; the
 * required keys (format_version, name, version, created_at, model_family, files) fail loudly when
 * missing.
 *
 * @param formatVersion {@link #FORMAT_VERSION} when written by this version
 * @param name          model name (the store directory)
 * @param version       version name ({@code yyyyMMdd'T'HHmmss'Z'-<8 hex>[-n]})
 * @param createdAt     training time (UTC)
 * @param modelFamily   family that loads the payload
 * @param parameters    hyper-parameters
 * @param data          training data fingerprint
 * @param features      feature names in model order
 * @param scalers       fitted scalers
 * @param metrics       validation metrics
 * @param versions      software versions at training time
 * @param gitCommit     project git commit, null when unknown
 * @param files         SHA-256 (hex) of every file of the version except {@code manifest.json}, by
 *                      path relative to the version directory with {@code /} separators, sorted
 * @param search        present when {@code tune} chose the model: the search space and its SHA-256,
 *                      seed, search kind, metric, candidates scored, the best candidate and its score,
 *                      and the leaderboard's path and SHA-256; absent (null) otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ArtifactManifest(int formatVersion, String name, String version, Instant createdAt, String modelFamily,
                               JsonNode parameters, DataFingerprint data, List<String> features,
                               List<DatasetManifest.Scaler> scalers, Map<String, Double> metrics, RuntimeVersions versions,
                               String gitCommit, Map<String, String> files,
                               @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode search) {

    /** The manifest format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** @throws IllegalArgumentException naming the key when a required key is missing */
    public ArtifactManifest {
        require(name, "name");
        require(version, "version");
        require(createdAt, "created_at");
        require(modelFamily, "model_family");
        require(files, "files");
        parameters = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters.deepCopy();
        features = features == null ? List.of() : List.copyOf(features);
        scalers = scalers == null ? List.of() : List.copyOf(scalers);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        versions = versions == null ? new RuntimeVersions(null, null, null, null, null, null) : versions;
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        search = search == null || search.isNull() ? null : search.deepCopy();
    }

    /** The manifest of a new version of {@code contents}. */
    static ArtifactManifest of(String name, String version, ArtifactContents contents, Map<String, String> files) {
        return new ArtifactManifest(FORMAT_VERSION, name, version, contents.createdAt(), contents.modelFamily(),
                contents.parameters(), contents.data(), contents.features(), contents.scalers(), contents.metrics(),
                contents.versions(), contents.gitCommit(), files, contents.search());
    }

    private static void require(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("manifest key '" + key + "' is missing");
        }
    }
}
