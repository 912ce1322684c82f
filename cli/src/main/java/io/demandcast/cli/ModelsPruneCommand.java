package io.demandcast.cli;

import io.demandcast.core.artifact.StoreCatalog;
import io.demandcast.core.artifact.StorePruner;
import io.demandcast.core.artifact.StoredVersion;
import io.demandcast.core.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models prune}: delete old versions of a model, never the one LATEST names. */
@Command(name = "prune",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Delete old versions of a model (a dry run unless --yes); never the LATEST version.",
        description = {
            "Keeps the --keep newest versions, the version LATEST names (whatever --keep says), any version another model was fine-tuned from, and with --older-than every version younger than that; lists every version with keep or delete and why. Without --yes nothing is deleted. A deletion renames the version to a temporary name first, so a killed prune leaves no half-deleted version; the next run of that model removes the temporary.",
            "",
            "Examples:",
            "  demandcast models prune quickstart --keep 3 -c configs/quickstart.yaml",
            "  demandcast models prune quickstart --keep 3 --older-than 30d --yes \\",
            "      --store build/artifacts",
            ""
        })
final class ModelsPruneCommand extends BaseCommand {
    @Mixin
    StoreMixin store;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "The model (default: -c's model.name).")
    String name;

    @Option(names = "--keep", required = true, paramLabel = "N", description = "How many of the newest versions to keep (>= 0).")
    int keep;

    @Option(names = "--older-than", paramLabel = "<age>",
            description = "Delete only versions older than this (90s, 20m, 1h30m, 7d, 2w).")
    String olderThan;

    @Option(names = "--yes", description = "Delete; without it, only print what would be deleted.")
    boolean yes;

    @Override
    int doCall() throws Exception {
        if (keep < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--keep needs N >= 0 (got " + keep + ")");
        }
        Duration age = null;
        if (olderThan != null) {
            try {
                age = Durations.parse(olderThan, "--older-than");
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        StoreCatalog catalog = new StoreCatalog(store.store(spec.commandLine()));
        String model = store.modelOrDefault(spec.commandLine(), name);
        StorePruner.Plan plan = StorePruner.plan(catalog, model, keep, age, Instant.now());
        List<StoredVersion> deleted = List.of();
        if (yes) {
            InterruptNotice.doing("prune of model '" + model + "'", "versions not yet deleted are kept");
            deleted = StorePruner.execute(catalog, plan);
        }
        if (output.format() == OutputMixin.Format.json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("store", catalog.store().root().toString());
            body.put("model", model);
            body.put("dry_run", !yes);
            body.put("versions", plan.decisions().stream().map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("version", d.version().version());
                m.put("created_at", d.version().manifest() == null ? null : d.version().manifest().createdAt().toString());
                m.put("size_bytes", d.version().sizeBytes());
                m.put("action", d.deleted() ? "delete" : "keep");
                m.put("reason", d.reason());
                return m;
            }).toList());
            body.put("deleted", deleted.stream().map(StoredVersion::version).toList());
            printJson(Summaries.withSchema("models prune", body));
        } else {
            for (StorePruner.Decision d : plan.decisions()) {
                String verb = d.deleted() ? (yes ? "deleted" : "delete") : "keep";
                out().println(String.format(java.util.Locale.ROOT, "%-8s%s@%s  %s", verb, model, d.version().version(),
                        d.deleted() ? ModelsText.size(d.version().sizeBytes()) : "(" + d.reason() + ")"));
            }
            out().flush();
        }
        int n = plan.deleted().size();
        long bytes = plan.deleted().stream().mapToLong(StoredVersion::sizeBytes).sum();
        info("models prune: " + (yes ? "deleted " : "would delete ") + n + " of " + plan.decisions().size() + " versions of "
                + model + " (" + ModelsText.size(bytes) + ")" + (yes ? "" : "; dry run, --yes deletes"));
        return ExitCodes.OK;
    }
}
