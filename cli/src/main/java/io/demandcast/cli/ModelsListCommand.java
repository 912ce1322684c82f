package io.demandcast.cli;

import io.demandcast.core.artifact.ArtifactManifest;
import io.demandcast.core.artifact.StoreCatalog;
import io.demandcast.core.artifact.StoredVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code models list}: every version in the store, or one model's. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "List the models in the store and their versions.",
        description = {
            "One line per version, oldest first within each model: model, version, creation time (UTC), family, the last date of the data it was fitted on, size on disk, and * for the version LATEST names (what predict loads). A version whose manifest cannot be read is listed with the reason.",
            "",
            "Examples:",
            "  demandcast models list -c configs/quickstart.yaml",
            "  demandcast models list quickstart --store build/artifacts --json",
            ""
        })
final class ModelsListCommand extends BaseCommand {
    @Mixin
    StoreMixin store;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "Only this model's versions.")
    String name;

    @Override
    int doCall() throws Exception {
        StoreCatalog catalog = new StoreCatalog(store.store(spec.commandLine()));
        List<StoredVersion> versions = name == null ? catalog.all()
                : catalog.versions(StoreMixin.checkedName(spec.commandLine(), name));
        if (output.format() == OutputMixin.Format.json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("store", catalog.store().root().toString());
            body.put("versions", versions.stream().map(ModelsText::versionMap).toList());
            printJson(Summaries.withSchema("models list", body));
            return ExitCodes.OK;
        }
        if (versions.isEmpty()) {
            info("models list: no models in store " + catalog.store().root());
            return ExitCodes.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("MODEL", "VERSION", "CREATED (UTC)", "FAMILY", "DATA END", "SIZE", "LATEST"));
        for (StoredVersion v : versions) {
            ArtifactManifest m = v.manifest();
            rows.add(List.of(v.model(), v.version(),
                    m == null ? "?" : ModelsText.CREATED.format(m.createdAt()),
                    m == null ? "(unreadable: " + v.problem() + ")" : m.modelFamily(),
                    m == null || m.data().lastDate() == null ? "-" : m.data().lastDate().toString(),
                    ModelsText.size(v.sizeBytes()), v.latest() ? "*" : ""));
        }
        out().print(ModelsText.table(rows));
        out().flush();
        return ExitCodes.OK;
    }
}
