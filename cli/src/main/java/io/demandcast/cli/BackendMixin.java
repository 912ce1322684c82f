package io.demandcast.cli;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.model.deep.BackendChoice;
import io.demandcast.core.model.deep.BackendInfo;
import io.demandcast.core.model.deep.Backends;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --backend}: the ND4J backend of the deep families, on every verb that may run one. */
public class BackendMixin {

    @Option(names = "--backend", paramLabel = "auto|cpu|cuda",
            description = "ND4J backend of the deep model families, checked before any work; overrides train.backend. "
                    + "auto (default): the one this build carries, CPU unless built with -Pcuda; cuda exits 1 naming what is "
                    + "missing (build, driver, GPU) rather than run on the CPU. See docs/gpu.md.")
    BackendChoice backend;

    /**
     * The config with {@code --backend} applied, its backend selected and checked up front
     * ({@link Backends#select}); a backend the check started is reported on {@code progress}.
     *
     * @throws CommandLine.ParameterException (exit 2) when {@code --backend} contradicts the config
     * @throws io.demandcast.core.model.deep.BackendUnavailableException (exit 1) when the backend cannot run here
     */
    ExperimentConfig apply(ExperimentConfig cfg, CommandLine commandLine, Progress progress) {
        ExperimentConfig resolved = cfg;
        if (backend != null) {
            try {
                resolved = cfg.withTrain(cfg.train().withBackend(backend));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "--backend " + backend + ": " + e.getMessage());
            }
        }
        Optional<BackendInfo> started = Backends.select(resolved.train().backend(), resolved.train().halfPrecision());
        started.ifPresent(info -> progress.report("backend: " + info.describe()));
        return resolved;
    }
}
