package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.monitor.ForecastLog;
import io.demandcast.core.monitor.MonitorCheck;
import io.demandcast.core.monitor.MonitorJob;
import io.demandcast.core.monitor.MonitorSummary;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor}: published forecasts against the actuals that arrived since; exit 3 on drift. */
@Command(name = "monitor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = MonitorCommand.HEADER,
        description = {
            "Every predict appends what it published to the forecast log: <log>/<model.name>/runs/, where log is monitor.log, by default forecast-log beside train.store. monitor reads it and the prepared data (--prepare prepares newer data first) and, over the last monitor.window periods of actuals, reports per model version and overall: error_ratio (mean |actual - forecast| / MASE scale, against the same model's rolling-origin backtest error at the same forecast steps), relative_bias (sum(forecast - actual) / sum|actual|), the coverage of each central interval of the logged quantiles, and instability (mean change of a target date's forecast between consecutive runs, in MASE scales).",
            "",
            "Thresholds (monitor section): max_error_ratio (1.5), max_abs_bias (0.2), coverage_tolerance (0.1 below nominal), max_instability (1.0). Exit 3 with one line per crossed threshold, 0 when all hold or nothing can be compared yet, 2 when the model has no forecast log (0 with --allow-no-log, for a pipeline whose first run has not predicted yet).",
            "",
            "Writes monitor.json, per_series.csv, leaderboard.csv, report.md and report.html to monitor.output (default build/monitor/<name>, replaced as a whole).",
            "",
            "Examples:",
            "  demandcast monitor -c configs/quickstart.yaml",
            "  demandcast monitor -c configs/quickstart.yaml --prepare --json",
            "  demandcast monitor -c configs/quickstart.yaml --allow-no-log",
            "  demandcast monitor -c configs/quickstart.yaml --set monitor.window=14 \\",
            "      --set monitor.max_error_ratio=1.3",
            ""
        })
final class MonitorCommand extends BaseCommand {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "Compare the forecasts predict published with the actuals that arrived since; exit 3 on drift.";

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Mixin
    BackendMixin backend;

    @Mixin
    PrepareMixin prepareFirst;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", description = "Report directory; overrides monitor.output.")
    Path outputDir;

    @Option(names = "--allow-no-log",
            description = "Exit 0 with a note, instead of 2, when the model has no forecast log yet (no predict has run): for a scheduled pipeline's first runs.")
    boolean allowNoLog;

    @Override
    int doCall() throws Exception {
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        if (outputDir != null) {
            cfg = cfg.withMonitor(cfg.monitor().withOutput(outputDir.toString()));
        }
        Preflight.monitor(cfg);
        prepareFirst.ensureCurrent(cfg, config.config, progress());
        InterruptNotice.doing("monitor of model '" + cfg.model().name() + "'",
                "the report in " + MonitorJob.outputDirectory(cfg) + " is unchanged");
        if (allowNoLog && ForecastLog.isEmpty(cfg)) {
            // A pipeline's first run (or one after a failed predict) has nothing to compare; failing it would stop the
            // very predict that starts the log.
            String note = "monitor: model '" + cfg.model().name() + "' has no forecast log yet in " + ForecastLog.directory(cfg)
                    + "; nothing to compare (--allow-no-log)";
            info(note);
            if (output.format() == OutputMixin.Format.json) {
                java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
                map.put("model_name", cfg.model().name());
                map.put("log", ForecastLog.directory(cfg).toString());
                map.put("runs", 0);
                map.put("crossed", false);
                map.put("notes", java.util.List.of(note));
                printJson(Summaries.withSchema("monitor", map));
            }
            return ExitCodes.OK;
        }
        MonitorSummary summary = MonitorJob.run(cfg, progress());
        info(summary.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("monitor", summary.toMap()));
        }
        if (summary.crossed()) {
            for (MonitorCheck c : summary.crossedChecks()) {
                err().println("monitor: threshold crossed: " + c.line());
            }
            err().flush();
            return ExitCodes.GATE_FAILED;
        }
        return ExitCodes.OK;
    }
}
