package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PrepareSummary;
import io.demandcast.core.prepare.PrepareWarning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code prepare}: raw CSV to a clean, regular, featured and split dataset directory. */
@Command(name = "prepare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = PrepareCommand.HEADER,
        description = {
            "Reads data.files (long CSV), fills gaps, handles negatives, outliers and missing values, adds calendar, lag, rolling and price features, scales, splits by date, and writes prepare.output: manifest.json, panel.bin, quality.json and quality.md.",
            "",
            "Nothing is written when the input is bad: the error names the file, line and column.",
            "",
            "Data warnings go to stderr, also with --quiet, and into --json: gap filling that changed more than prepare.warnings.filled_share of a series' periods, a series spaced more widely than the panel (monthly rows in daily data), series that end before the panel's last date (prepare.ended_series: fill, exclude or keep). prepare.fail_on_warnings: true makes them an error (exit 2).",
            "",
            "Examples:",
            "  demandcast prepare -c configs/quickstart.yaml",
            "  demandcast prepare -c configs/quickstart.yaml --set prepare.split.test=14",
            ""
        })
final class PrepareCommand extends BaseCommand {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "Clean, regularise, feature and split raw CSV into a prepared dataset.";

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Override
    int doCall() throws Exception {
        ExperimentConfig cfg = config.load(spec.commandLine());
        Preflight.prepare(cfg);
        InterruptNotice.doing("prepare of '" + cfg.name() + "'",
                "the prepared dataset in " + PrepareJob.outputDirectory(cfg) + " is unchanged");
        PrepareSummary summary = PrepareJob.run(cfg, config.config, progress());
        info(summary.text());
        // Not progress: a cron log needs them, so --quiet does not silence them.
        for (PrepareWarning warning : summary.warnings()) {
            err().println("demandcast prepare: warning: " + warning.message());
        }
        err().flush();
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("prepare", summary.toMap()));
        }
        return ExitCodes.OK;
    }
}
