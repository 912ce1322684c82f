package io.demandcast.cli;

import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.artifact.ManifestCheck;
import io.demandcast.core.artifact.StoreCatalog;
import io.demandcast.core.artifact.StoredVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code models verify}: every version's checksums, as predict checks them before loading. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Check the checksums (and signatures) of every version, or of one model or version.",
        description = {
            "Runs the check predict runs before it loads a version: manifest.json against manifest.sha256 (and manifest.sig when DEMANDCAST_SIGNING_KEY is set), every file against its SHA-256 in the manifest, no file missing, added or a symbolic link. Every version named is checked; each gets an OK or BAD line on stdout (or an entry of --json). Exit 0 when all pass; exit 2 when one fails, with one line on stderr naming the first bad one (its directory, version and file).",
            "",
            "Examples:",
            "  demandcast models verify -c configs/quickstart.yaml",
            "  demandcast models verify quickstart@20261124T101500Z-1a2b3c4d \\",
            "      --store build/artifacts",
            ""
        })
final class ModelsVerifyCommand extends BaseCommand {
    @Mixin
    StoreMixin store;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>[@<version>]",
            description = "Only this model's versions, or only this version (default: every version in the store).")
    String target;

    /** One version's outcome: the check reached, or the failure. */
    private record Outcome(String model, String version, ManifestCheck check, String problem) {
    }

    @Override
    int doCall() throws Exception {
        ArtifactStore artifacts = store.store(spec.commandLine());
        StoreCatalog catalog = new StoreCatalog(artifacts);
        List<String[]> targets = new ArrayList<>();
        if (target == null) {
            for (StoredVersion v : catalog.all()) {
                targets.add(new String[] {v.model(), v.version()});
            }
        } else {
            ModelRef ref = ModelRef.parse(spec.commandLine(), target);
            if (ref.version() == null) {
                for (StoredVersion v : catalog.versions(ref.name())) {
                    targets.add(new String[] {v.model(), v.version()});
                }
            } else {
                targets.add(new String[] {ref.name(), artifacts.resolve(ref.name(), ref.version()).version()});
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String[] t : targets) {
            try {
                Artifact a = artifacts.read(t[0], t[1]);
                outcomes.add(new Outcome(t[0], t[1], artifacts.verify(a), null));
            } catch (ArtifactException e) {
                outcomes.add(new Outcome(t[0], t[1], null, e.getMessage()));
            }
        }
        List<Outcome> bad = outcomes.stream().filter(o -> o.problem() != null).toList();
        if (output.format() == OutputMixin.Format.json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("store", artifacts.root().toString());
            body.put("checked", outcomes.size());
            body.put("failed", bad.size());
            body.put("versions", outcomes.stream().map(o -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", o.model());
                m.put("version", o.version());
                m.put("ok", o.problem() == null);
                m.put("check", o.check() == null ? null : o.check().name().toLowerCase(java.util.Locale.ROOT));
                m.put("problem", o.problem());
                return m;
            }).toList());
            printJson(Summaries.withSchema("models verify", body));
        } else {
            for (Outcome o : outcomes) {
                out().println((o.problem() == null ? "OK   " : "BAD  ") + o.model() + "@" + o.version() + "  "
                        + (o.problem() == null ? o.check().description() : o.problem()));
            }
            out().flush();
        }
        if (!bad.isEmpty()) {
            String more = bad.size() > 1 ? " (and " + (bad.size() - 1) + " more bad version" + (bad.size() > 2 ? "s" : "")
                    + ", listed on stdout)" : "";
            throw new ArtifactException(bad.get(0).problem() + more);
        }
        info("models verify: " + outcomes.size() + " version" + (outcomes.size() == 1 ? "" : "s") + " verified in "
                + artifacts.root());
        return ExitCodes.OK;
    }
}
