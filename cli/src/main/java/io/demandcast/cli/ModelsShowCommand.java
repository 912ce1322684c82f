package io.demandcast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.artifact.ArtifactManifest;
import io.demandcast.core.artifact.DataFingerprint;
import io.demandcast.core.artifact.StoreCatalog;
import io.demandcast.core.artifact.StoredVersion;
import io.demandcast.core.evaluate.ForecastCalibration;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code models show}: one version's provenance, from its manifest and payload. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Show one model version: family, parameters, data, metrics, size, parent, provenance.",
        description = {
            "Reads <name>@<version> (default: -c's model.name, version latest) without checking its checksums (see models verify): the family and parameters, the data fingerprint and the date range fitted on, the validation metrics and conformal calibration the version holds (none for a plain train), the tune search that chose it, its size, the version before it of the same model, the pre-trained parent of a fine-tuned model, and the demandcast version, commit and Java that made it.",
            "",
            "Examples:",
            "  demandcast models show -c configs/quickstart.yaml",
            "  demandcast models show quickstart@20261124T101500Z-1a2b3c4d \\",
            "      --store build/artifacts --json",
            ""
        })
final class ModelsShowCommand extends BaseCommand {
    @Mixin
    StoreMixin store;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>[@<version>]",
            description = "The version to show (default: -c's model.name at latest).")
    String target;

    @Override
    int doCall() throws Exception {
        StoreCatalog catalog = new StoreCatalog(store.store(spec.commandLine()));
        ModelRef ref = target == null ? new ModelRef(store.modelOrDefault(spec.commandLine(), null), null)
                : ModelRef.parse(spec.commandLine(), target);
        StoredVersion v = catalog.version(ref.name(), ref.versionOrLatest());
        Map<String, Object> body = describe(catalog, v);
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("models show", body));
        } else {
            print(out(), body);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> describe(StoreCatalog catalog, StoredVersion v) throws java.io.IOException {
        ArtifactManifest m = v.manifest();
        DataFingerprint d = m.data();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", v.model());
        body.put("version", v.version());
        body.put("latest", v.latest());
        body.put("created_at", m.createdAt().toString());
        body.put("family", m.modelFamily());
        body.put("parameters", m.parameters());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dataset", d.dataset());
        data.put("panel_sha256", d.panelSha256());
        data.put("config_sha256", d.configSha256());
        data.put("manifest_sha256", d.manifestSha256());
        data.put("start", d.firstDate() == null ? null : d.firstDate().toString());
        data.put("end", d.lastDate() == null ? null : d.lastDate().toString());
        body.put("data", data);
        body.put("features", m.features());
        body.put("metrics", m.metrics());
        Optional<JsonNode> calibration = StoreCatalog.payloadJson(v.artifact(), ForecastCalibration.FILE);
        Map<String, Object> cal = null;
        if (calibration.isPresent()) {
            cal = new LinkedHashMap<>();
            JsonNode c = calibration.get();
            cal.put("clip_at_zero", c.path("clip_at_zero").asBoolean());
            JsonNode conformal = c.path("conformal");
            cal.put("conformal_windows", conformal.isObject() ? conformal.path("windows").asInt() : null);
        }
        body.put("calibration", cal);
        Map<String, Object> search = null;
        if (m.search() != null) {
            search = new LinkedHashMap<>();
            search.put("metric", m.search().path("metric").asText(null));
            search.put("best_score", m.search().path("best_score").isNumber() ? m.search().path("best_score").doubleValue() : null);
        }
        body.put("search", search);
        body.put("size_bytes", v.sizeBytes());
        body.put("files", m.files().size());
        body.put("parent_version", catalog.parentOf(v.model(), v.version()).orElse(null));
        body.put("pretrained_parent", StoreCatalog.pretrainedParentOf(v.artifact()).orElse(null));
        Map<String, Object> made = new LinkedHashMap<>();
        made.put("demandcast", m.versions().demandcast());
        made.put("git_commit", m.gitCommit());
        made.put("java", m.versions().java() + " (" + m.versions().javaVendor() + ")");
        made.put("os", m.versions().os() + " " + m.versions().arch());
        made.put("libraries", m.versions().libraries());
        body.put("made_by", made);
        body.put("directory", v.directory().toString());
        return body;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> b) {
        Map<String, Object> data = (Map<String, Object>) b.get("data");
        Map<String, Object> made = (Map<String, Object>) b.get("made_by");
        Map<String, Object> cal = (Map<String, Object>) b.get("calibration");
        Map<String, Object> search = (Map<String, Object>) b.get("search");
        Map<?, ?> metrics = (Map<?, ?>) b.get("metrics");
        line(out, "model", b.get("model") + "@" + b.get("version") + (Boolean.TRUE.equals(b.get("latest")) ? " (LATEST)" : ""));
        line(out, "created", b.get("created_at"));
        line(out, "family", b.get("family"));
        line(out, "parameters", b.get("parameters"));
        line(out, "data", data.get("dataset") + ", " + (data.get("start") == null ? "date range not recorded"
                : data.get("start") + " to " + data.get("end")));
        line(out, "  panel sha256", data.get("panel_sha256"));
        line(out, "  config sha256", data.get("config_sha256"));
        line(out, "features", ((java.util.List<?>) b.get("features")).isEmpty() ? "none" : String.join(", ",
                ((java.util.List<?>) b.get("features")).stream().map(String::valueOf).toList()));
        line(out, "metrics", metrics.isEmpty() ? "none recorded" : metrics.toString());
        line(out, "calibration", cal == null ? "none" : (cal.get("conformal_windows") == null ? "no conformal intervals"
                : "conformal, from " + cal.get("conformal_windows") + " backtest windows")
                + ", clip at zero: " + (Boolean.TRUE.equals(cal.get("clip_at_zero")) ? "yes" : "no"));
        if (search != null) {
            line(out, "search", "tuned on " + search.get("metric") + ", best score " + search.get("best_score"));
        }
        line(out, "size", ModelsText.size((Long) b.get("size_bytes")) + " (" + b.get("files") + " files)");
        line(out, "parent", b.get("parent_version") == null ? "none (first version)" : b.get("parent_version"));
        if (b.get("pretrained_parent") != null) {
            line(out, "pre-trained parent", b.get("pretrained_parent"));
        }
        line(out, "made by", "demandcast " + made.get("demandcast") + (made.get("git_commit") == null ? "" : " (commit "
                + made.get("git_commit") + ")") + ", Java " + made.get("java") + ", " + made.get("os"));
        line(out, "directory", b.get("directory"));
        out.flush();
    }

    private static void line(PrintWriter out, String key, Object value) {
        out.println(String.format(java.util.Locale.ROOT, "%-19s %s", key + ":", value));
    }
}
