package io.demandcast.cli;

import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.artifact.VersionDiff;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code models diff}: what changed between two versions. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Compare two model versions: config, parameters, data and metrics.",
        description = {
            "Lists, by key path, what differs between <a>@<v1> and <b>@<v2>: the family, the resolved config (config.yaml), the parameters, the data fingerprint (content digests and the date range fitted on) and the metrics the manifests record (a tuned model's search score too). The second argument may be a bare version of the first's model, or 'latest'. Exit 0 whether or not anything differs.",
            "",
            "Examples:",
            "  demandcast models diff quickstart@20261124T101500Z-1a2b3c4d \\",
            "      quickstart@latest -c configs/quickstart.yaml",
            "  demandcast models diff snaive@20261124T101500Z-1a2b3c4d \\",
            "      20261125T101500Z-5e6f7a8b --store build/artifacts --json",
            ""
        })
final class ModelsDiffCommand extends BaseCommand {
    @Mixin
    StoreMixin store;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", paramLabel = "<a>@<v1>", description = "The first version.")
    String first;

    @Parameters(index = "1", paramLabel = "<b>@<v2>", description = "The second version, or a version of the first's model.")
    String second;

    @Override
    int doCall() throws Exception {
        ArtifactStore artifacts = store.store(spec.commandLine());
        ModelRef a = ModelRef.parse(spec.commandLine(), first);
        ModelRef b = second.contains("@") ? ModelRef.parse(spec.commandLine(), second)
                : new ModelRef(a.name(), ModelRef.parse(spec.commandLine(), a.name() + "@" + second).version());
        Artifact before = artifacts.resolve(a.name(), a.versionOrLatest());
        Artifact after = artifacts.resolve(b.name(), b.versionOrLatest());
        VersionDiff diff = VersionDiff.of(before, after);
        if (output.format() == OutputMixin.Format.json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("before", before.name() + "@" + before.version());
            body.put("after", after.name() + "@" + after.version());
            body.put("identical", diff.empty());
            body.put("family", ModelsText.changes(diff.family()));
            body.put("config", ModelsText.changes(diff.config()));
            body.put("parameters", ModelsText.changes(diff.parameters()));
            body.put("data_changed", diff.dataChanged());
            body.put("data", ModelsText.changes(diff.data()));
            body.put("metrics", ModelsText.changes(diff.metrics()));
            printJson(Summaries.withSchema("models diff", body));
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        out.println("--- " + before.name() + "@" + before.version());
        out.println("+++ " + after.name() + "@" + after.version());
        ModelsText.printChanges(out, "family", diff.family());
        ModelsText.printChanges(out, "config", diff.config());
        ModelsText.printChanges(out, "parameters", diff.parameters());
        ModelsText.printChanges(out, "data" + (diff.dataChanged() ? " (content changed)" : ""), diff.data());
        ModelsText.printChanges(out, "metrics", diff.metrics());
        out.flush();
        return ExitCodes.OK;
    }
}
