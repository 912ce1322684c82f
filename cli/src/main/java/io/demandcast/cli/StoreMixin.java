package io.demandcast.cli;

import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.Names;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which store {@code models} reads: {@code train.store} of an experiment ({@code -c}, whose
 * {@code model.name} is then the default model) or a directory ({@code --store}).
 */
public class StoreMixin {
    @Mixin
    ConfigMixin config;

    @Option(names = "--store", paramLabel = "<dir>", description = "Store directory to read, instead of -c's train.store.")
    Path store;

    private ExperimentConfig loaded;

    /** @throws CommandLine.ParameterException (exit 2) unless exactly one of {@code -c} and {@code --store} is given */
    ArtifactStore store(CommandLine commandLine) {
        if (store != null && config.present()) {
            throw new CommandLine.ParameterException(commandLine, "-c and --store both name a store; give one");
        }
        if (store != null) {
            return new ArtifactStore(store);
        }
        if (!config.present()) {
            throw new CommandLine.ParameterException(commandLine, "Missing the store: give -c <experiment.yaml> or --store <dir>");
        }
        return new ArtifactStore(Path.of(experiment(commandLine).train().store()));
    }

    /**
     * The model named on the command line, else {@code -c}'s {@code model.name}.
     *
     * @throws CommandLine.ParameterException (exit 2) when there is neither, or the name is not a store name
     */
    String modelOrDefault(CommandLine commandLine, String given) {
        if (given != null) {
            return checkedName(commandLine, given);
        }
        if (!config.present()) {
            throw new CommandLine.ParameterException(commandLine, "Missing the model: name it, or give -c <experiment.yaml> for its model.name");
        }
        return experiment(commandLine).model().name();
    }

    static String checkedName(CommandLine commandLine, String name) {
        if (!Names.valid(name)) {
            throw new CommandLine.ParameterException(commandLine, "'" + name + "' is not a model name (" + Names.RULE + ")");
        }
        return name;
    }

    private ExperimentConfig experiment(CommandLine commandLine) {
        if (loaded == null) {
            loaded = config.load(commandLine);
        }
        return loaded;
    }
}
