package io.demandcast.cli;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The experiment file and its command-line overrides, shared by every verb. */
public class ConfigMixin {

    @Option(names = {"-c", "--config"}, paramLabel = "<file>",
            description = "Experiment YAML file (see configs/). Relative paths inside it resolve against the working directory.")
    Path config;

    @Option(names = "--set", paramLabel = "<key=value>",
            description = "Override one config key, e.g. --set predict.horizon=14 or --set model.family=naive. Repeatable; applied in order after the file.")
    List<String> overrides = new ArrayList<>();

    /** True when {@code -c} was given. */
    boolean present() {
        return config != null;
    }

    /**
     * Loads and validates the config once; errors name the file, line and column or the override.
     *
     * @throws picocli.CommandLine.ParameterException when {@code -c} is missing (exit 2, with usage)
     */
    ExperimentConfig load(picocli.CommandLine commandLine) {
        if (config == null) {
            throw new picocli.CommandLine.ParameterException(commandLine, "Missing required option: '--config=<file>'");
        }
        return ConfigLoader.load(config, overrides);
    }
}
