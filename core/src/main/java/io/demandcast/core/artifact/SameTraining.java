package io.demandcast.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/**
 * Whether a published version already holds what a new {@code train} would fit: the same resolved
 * config and the same data content. Then {@code train} publishes nothing (unless {@code --force}).
 *
 * <p>"The same config" is the resolved config with the keys that cannot change the fitted model
 * left out ({@link #IGNORED}): what other verbs read ({@code evaluate}, {@code gate}, {@code tune},
 * {@code models}, {@code monitor}, {@code plan}), where {@code predict} writes, which version it loads and how it brings it up to date
 * ({@code predict.output}, {@code predict.version}, {@code predict.data}, {@code predict.update},
 * {@code predict.max_model_age}, and the lead-time keys {@code predict.lead_time}, {@code predict.review_period},
 * {@code predict.sample_paths}, {@code predict.seed}), and where a deep model runs ({@code train.backend}: the same network on
 * another device, as thread counts, which are not in the config at all). Everything else counts,
 * paths included: a data file read from another path is a different config, even with equal bytes,
 * so a re-train then publishes (the conservative side). "The same data" is equal content digests
 * ({@link DataFingerprint#sameContentAs}), so a re-run {@code prepare} on unchanged input still matches.
 */
public final class SameTraining {
    /** Key paths (and everything under them) that do not take part in the comparison. */
    public static final List<String> IGNORED = List.of("evaluate", "gate", "tune", "models", "monitor", "plan", "predict.output",
            "predict.version", "predict.data", "predict.update", "predict.max_model_age", "predict.lead_time",
            "predict.review_period", "predict.sample_paths", "predict.seed", "train.backend");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SameTraining() {
    }

    /** True when {@code existing} was trained with {@code configYaml} (up to {@link #IGNORED}) on {@code data}'s content. */
    public static boolean holds(Artifact existing, String configYaml, DataFingerprint data) throws IOException {
        if (!existing.manifest().data().sameContentAs(data)) {
            return false;
        }
        return relevantChanges(YAML.readTree(existing.readConfigYaml()), YAML.readTree(configYaml)).isEmpty();
    }

    /** The config changes that matter: {@link TreeChanges#between} without the {@link #IGNORED} keys. */
    static List<TreeChanges.Change> relevantChanges(JsonNode before, JsonNode after) {
        return TreeChanges.between(before, after).stream().filter(c -> !ignored(c.path())).toList();
    }

    static boolean ignored(String path) {
        return IGNORED.stream().anyMatch(k -> path.equals(k) || path.startsWith(k + "."));
    }
}
