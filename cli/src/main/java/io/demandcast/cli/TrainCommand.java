package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.Durations;
import io.demandcast.core.model.TrainJob;
import io.demandcast.core.model.TrainSkipped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import io.demandcast.core.model.TrainSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: prepared data to a new, immutable artifact version. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = TrainCommand.HEADER,
        description = {
            "Fits model.family with model.params on the prepared dataset (train.fit_on decides which split rows) and publishes <train.store>/<model.name>/<version>/ with manifest.json (checksums, parameters, resolved config, data fingerprint) and model/fit_report.csv (per series, the family asked and the one used: a series too short, constant or shorter than its season falls back to a simpler family). Versions are never overwritten; LATEST names the newest.",
            "With train.max_fallback_share set, a larger share of series falling back exits 3 and publishes nothing.",
            "When the version LATEST names already holds the same resolved config and data content (evaluate, gate, tune, models, predict.output, predict.version and train.backend aside), nothing is published and the run exits 0 naming that version; --force publishes anyway.",
            "",
            "Examples:",
            "  demandcast train -c configs/quickstart.yaml",
            "  demandcast train -c configs/quickstart.yaml --set model.family=naive \\",
            "      --set model.name=naive-baseline",
            "  demandcast train -c configs/quickstart.yaml --prepare --if-older-than 7d",
            ""
        })
final class TrainCommand extends BaseCommand {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "Fit the configured model and publish it as a new artifact version.";

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Mixin
    BackendMixin backend;

    @Mixin
    PrepareMixin prepareFirst;

    @Option(names = "--force",
            description = "Publish a new version even when the newest one already holds the same resolved config and data content.")
    boolean force;

    @Option(names = "--if-older-than", paramLabel = "<age>",
            description = "Train only when the newest version is at least this old (90s, 20m, 1h30m, 7d, 2w) or there is none; "
                    + "otherwise exit 0 without preparing or fitting.")
    String ifOlderThan;

    @Override
    int doCall() throws Exception {
        Duration limit = null;
        if (ifOlderThan != null) {
            try {
                limit = Durations.parse(ifOlderThan, "--if-older-than");
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        if (limit != null) {
            Optional<TrainSkipped> young = TrainJob.youngerThan(cfg, limit, Instant.now());
            if (young.isPresent()) {
                return skipped(young.get());
            }
        }
        Preflight.train(cfg);
        prepareFirst.ensureCurrent(cfg, config.config, progress());
        if (!force) {
            Optional<TrainSkipped> held = TrainJob.alreadyHeld(cfg, Instant.now());
            if (held.isPresent()) {
                return skipped(held.get());
            }
        }
        InterruptNotice.doing("train of model '" + cfg.model().name() + "'", "nothing was published");
        TrainSummary summary = TrainJob.run(cfg, progress());
        InterruptNotice.doing("train of model '" + cfg.model().name() + "'", "the new version was published");
        info(summary.text());
        info("train: " + summary.fitText());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("train", summary.toMap()));
        }
        return ExitCodes.OK;
    }

    private int skipped(TrainSkipped skip) throws Exception {
        info(skip.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("train", skip.toMap()));
        }
        return ExitCodes.OK;
    }
}
