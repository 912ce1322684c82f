package io.demandcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command ({@link Cli} adds the verbs): prints usage to stderr when called bare. */
@Command(name = "demandcast",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Forecast product demand for retail and e-commerce from YAML experiments.",
        description = {
            "Each verb reads the sections it needs from one experiment file.",
            "",
            "Examples:",
            "  demandcast prepare  -c configs/quickstart.yaml",
            "  demandcast train    -c configs/quickstart.yaml --set model.family=naive",
            "  demandcast predict  -c configs/quickstart.yaml --json",
            "  demandcast evaluate -c configs/quickstart.yaml",
            "  demandcast tune     -c configs/quickstart-tune.yaml --time-budget 5m",
            "  demandcast monitor  -c configs/quickstart.yaml --prepare",
            "  demandcast plan     -c configs/quickstart.yaml --inventory stock.csv",
            "  demandcast models list -c configs/quickstart.yaml",
            ""
        },
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 invalid input (option, config, data, artifact), 3 a quality threshold crossed (evaluation gate, monitor)."},
        // The verbs are added by Cli: building all of them costs more than a short run's work.
        subcommands = {})
public final class DemandcastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Stderr stderr;

    /** @param stderr what the launcher said stderr is; the verbs' progress display follows it */
    DemandcastCommand(Stderr stderr) {
        this.stderr = stderr;
    }

    Stderr stderr() {
        return stderr;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_INPUT;
    }
}
