package io.demandcast.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/**
 * What changed between two versions ({@code models diff}): the resolved config by key path, the
 * model's parameters, the data it was fitted on, and the validation metrics and search score the
 * manifests record.
 *
 * @param before      the first version
 * @param after       the second version
 * @param family      family change, empty when equal
 * @param config      changed keys of the resolved config ({@code config.yaml})
 * @param parameters  changed keys of {@code model.params} as the manifests record them
 * @param dataChanged whether the data content differs ({@link DataFingerprint#sameContentAs})
 * @param data        changed keys of the data fingerprint (digests and date range)
 * @param metrics     changed metrics: the manifests' {@code metrics} and, for tuned models, {@code search.best_score}
 */
public record VersionDiff(Artifact before, Artifact after, List<TreeChanges.Change> family, List<TreeChanges.Change> config,
                          List<TreeChanges.Change> parameters, boolean dataChanged, List<TreeChanges.Change> data,
                          List<TreeChanges.Change> metrics) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dates as ISO text, as the manifest writes them. */
    private static final ObjectMapper DATA = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static VersionDiff of(Artifact before, Artifact after) throws IOException {
        ArtifactManifest a = before.manifest();
        ArtifactManifest b = after.manifest();
        return new VersionDiff(before, after,
                TreeChanges.between(JSON.createObjectNode().put("model_family", a.modelFamily()),
                        JSON.createObjectNode().put("model_family", b.modelFamily())),
                TreeChanges.between(YAML.readTree(before.readConfigYaml()), YAML.readTree(after.readConfigYaml())),
                TreeChanges.between(a.parameters(), b.parameters()),
                !a.data().sameContentAs(b.data()),
                TreeChanges.between(dataTree(a.data()), dataTree(b.data())),
                TreeChanges.between(metricsTree(a), metricsTree(b)));
    }

    /** True when nothing differs. */
    public boolean empty() {
        return family.isEmpty() && config.isEmpty() && parameters.isEmpty() && !dataChanged && data.isEmpty() && metrics.isEmpty();
    }

    private static JsonNode dataTree(DataFingerprint d) {
        return DATA.valueToTree(d);
    }

    private static JsonNode metricsTree(ArtifactManifest m) {
        var node = JSON.createObjectNode();
        node.set("metrics", JSON.valueToTree(m.metrics()));
        if (m.search() != null && m.search().has("best_score")) {
            node.set("search.best_score", m.search().get("best_score"));
            node.set("search.metric", m.search().path("metric"));
        }
        return node;
    }
}
