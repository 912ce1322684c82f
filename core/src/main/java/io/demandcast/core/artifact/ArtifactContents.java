package io.demandcast.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.data.DatasetManifest;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link ArtifactStore#publish} needs: the payload writer and the provenance that goes
 * into the artifact's {@code manifest.json}.
 *
 * @param payload     writes the fitted model's files, e.g. {@code fittedModel::save}
 * @param modelFamily family name, the key {@link io.demandcast.core.model.ModelRegistry} loads it by
 * @param parameters  the model's hyper-parameters ({@code model.params}, as resolved); empty object when null
 * @param configYaml  the full resolved experiment config as YAML, saved as {@code config.yaml}
 * @param data        what the model was trained on
 * @param features    feature names the model uses, in model order; empty when none
 * @param scalers     fitted scalers the model's inputs went through; empty when none
 * @param metrics     validation metrics by name (e.g. {@code mase}); empty when none
 * @param versions    software versions at training time
 * @param createdAt   training time; names the version (UTC, to the second)
 * @param gitCommit   the project's git commit when known, else null
 * @param search      the {@code tune} search that chose this model (see {@link ArtifactManifest#search}), else null
 */
public record ArtifactContents(PayloadWriter payload, String modelFamily, JsonNode parameters, String configYaml,
                               DataFingerprint data, List<String> features, List<DatasetManifest.Scaler> scalers,
                               Map<String, Double> metrics, RuntimeVersions versions, Instant createdAt, String gitCommit,
                               JsonNode search) {

    /** @throws NullPointerException naming the field when a required one is null */
    public ArtifactContents {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(modelFamily, "modelFamily");
        Objects.requireNonNull(configYaml, "configYaml");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(createdAt, "createdAt");
        parameters = parameters == null ? JsonNodeFactory.instance.objectNode() : parameters.deepCopy();
        features = features == null ? List.of() : List.copyOf(features);
        scalers = scalers == null ? List.of() : List.copyOf(scalers);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        search = search == null || search.isNull() ? null : search.deepCopy();
    }

    /** Contents of a model that no search chose ({@code train}). */
    public ArtifactContents(PayloadWriter payload, String modelFamily, JsonNode parameters, String configYaml,
                            DataFingerprint data, List<String> features, List<DatasetManifest.Scaler> scalers,
                            Map<String, Double> metrics, RuntimeVersions versions, Instant createdAt, String gitCommit) {
        this(payload, modelFamily, parameters, configYaml, data, features, scalers, metrics, versions, createdAt, gitCommit, null);
    }
}
