package io.demandcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code models}: the store's commands; called bare, prints its usage and exits 2. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = ModelsCommand.HEADER,
        description = {
            "Each subcommand reads the store of an experiment (-c, its train.store; the model defaults to its model.name) or a store directory (--store), and prints a JSON document on stdout with --json.",
            "",
            "Examples:",
            "  demandcast models list -c configs/quickstart.yaml",
            "  demandcast models show -c configs/quickstart.yaml",
            "  demandcast models verify --store build/artifacts",
            "  demandcast models diff quickstart@20261124T101500Z-1a2b3c4d latest \\",
            "      -c configs/quickstart.yaml",
            "  demandcast models prune quickstart --keep 3 --older-than 30d \\",
            "      -c configs/quickstart.yaml --yes",
            ""
        },
        subcommands = {
            ModelsListCommand.class,
            ModelsShowCommand.class,
            ModelsVerifyCommand.class,
            ModelsDiffCommand.class,
            ModelsPruneCommand.class
        })
final class ModelsCommand implements Callable<Integer> {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "List, inspect, verify, compare and prune the published model versions.";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_INPUT;
    }
}
