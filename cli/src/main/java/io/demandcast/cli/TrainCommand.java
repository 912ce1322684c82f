package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.model.TrainJob;
import io.demandcast.core.model.TrainSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code train}: prepared data to a new, immutable artifact version. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Fit the configured model and publish it as a new artifact version.",
        description = {
            "Fits model.family with model.params on the prepared dataset (train.fit_on decides which split rows) and publishes <train.store>/<model.name>/<version>/ with manifest.json (checksums, parameters, resolved config, data fingerprint) and model/fit_report.csv (per series, the family asked and the one used: a series too short, constant or shorter than its season falls back to a simpler family). Versions are never overwritten; LATEST names the newest.",
            "With train.max_fallback_share set, a larger share of series falling back exits 3 and publishes nothing.",
            "",
            "Examples:",
            "  demandcast train -c configs/quickstart.yaml",
            "  demandcast train -c configs/quickstart.yaml --set model.family=naive \\",
            "      --set model.name=naive-baseline",
            ""
        })
final class TrainCommand extends BaseCommand {
    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Mixin
    BackendMixin backend;

    @Mixin
    PrepareMixin prepareFirst;

    @Override
    int doCall() throws Exception {
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        Preflight.train(cfg);
        prepareFirst.ensureCurrent(cfg, config.config, progress());
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
}
