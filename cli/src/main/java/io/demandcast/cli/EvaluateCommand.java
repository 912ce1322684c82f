package io.demandcast.cli;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.GateRule;
import io.demandcast.core.evaluate.EvaluateSummary;
import io.demandcast.core.evaluate.ExternalEvaluation;
import io.demandcast.core.evaluate.backtest.BacktestJob;
import io.demandcast.core.evaluate.backtest.BacktestSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: a rolling-origin backtest of the experiment's models with a CI gate, or scores of another tool's forecast file. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = EvaluateCommand.HEADER,
        description = {
            "With -c: fits every model (models:, else model:, plus seasonal naive, plus the production model for champion/challenger rules) on each backtest window's history only, forecasts the next horizon periods, and scores them against the raw actuals. The backtest section sets windows, step, horizon, cutoffs (from_end | common | cutoff_dates), expanding or sliding windows and refit_every (1 | N | never); without it, one window: the prepared test split.",
            "",
            "Writes metrics.json, per_series.csv, forecasts.csv, leaderboard.csv, report.md and report.html to a new directory per run, build/evaluation/<name>/<run-id>/ (a UTC time stamp; LATEST beside it names the newest; runs beyond the newest evaluate.keep are removed), or to the directory evaluate.output or -o names (replaced as a whole); never half-written. Prints the leaderboard on stderr. Metrics: MAE, MSE, RMSE, MAPE, sMAPE, MASE, RMSSE, WRMSSE (with weights), WAPE, bias, R², direction; pinball loss, scaled CRPS, coverage and width of central intervals for the model's and conformal quantiles; skill against seasonal naive.",
            "",
            "Gate: rules in gate: or --gate; exit 3 with one line per failed rule, 0 when all pass. --junit writes a JUnit XML report, --summary a Markdown summary for a CI job page.",
            "",
            "Without -c: scores --forecasts against --actuals, scaling by --train, so any tool can be compared on the same footing.",
            "",
            "Examples:",
            "  demandcast evaluate -c configs/quickstart.yaml --json",
            "  demandcast evaluate -c configs/m5-aggregates-backtest.yaml \\",
            "      --set backtest.refit_every=5",
            "  demandcast evaluate -c configs/quickstart.yaml --junit build/ci/junit.xml \\",
            "      --gate '{relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}'",
            "  demandcast evaluate --forecasts theirs.csv --actuals test.csv \\",
            "      --train train.csv --frequency daily",
            "  M3=../shared/data/m3-competition",
            "  demandcast evaluate --forecasts $M3/benchmark_forecasts_m3_participants.csv \\",
            "      --filter method=THETA --actuals $M3/test.csv --train $M3/train.csv \\",
            "      --frequency monthly --series-list $M3/meta.csv \\",
            "      --series-where frequency=monthly",
            ""
        })
final class EvaluateCommand extends BaseCommand {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "Backtest models on rolling-origin windows, report, and gate a CI job; or score another tool's forecast CSV.";

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Mixin
    BackendMixin backend;

    @Mixin
    PrepareMixin prepareFirst;

    @ArgGroup(exclusive = false, heading = "%nScoring another tool's forecasts (instead of -c):%n")
    External external;

    static final class External {
        @Option(names = "--forecasts", required = true, paramLabel = "<csv>",
                description = "Long CSV of point forecasts: series_id,date,forecast (columns settable below).")
        Path forecasts;

        @Option(names = "--actuals", required = true, paramLabel = "<csv>", description = "Long CSV of the held-out values: series_id,date,value.")
        Path actuals;

        @Option(names = "--train", required = true, paramLabel = "<csv>",
                description = "Long CSV(s) of the history, for MASE/RMSSE scales. Repeatable; read in order.")
        List<Path> train = new ArrayList<>();

        @Option(names = "--frequency", paramLabel = "<freq>",
                description = "daily, weekly, monthly, quarterly or yearly; inferred from the first --train file when absent.")
        String frequency;

        @Option(names = "--season-length", paramLabel = "<m>", description = "Season of the MASE scale (default: from the frequency).")
        Integer seasonLength;

        @Option(names = "--filter", paramLabel = "<column=value>",
                description = "Keep only forecast rows whose column equals value, e.g. method=THETA.")
        String filter;

        @Option(names = "--forecast-column", paramLabel = "<name>", defaultValue = "forecast",
                description = "Forecast value column (default: ${DEFAULT-VALUE}).")
        String forecastColumn;

        @Option(names = "--series-list", paramLabel = "<csv>", description = "CSV with a series_id column: score only these series.")
        Path seriesList;

        @Option(names = "--series-where", paramLabel = "<column=value>",
                description = "With --series-list: keep only its rows whose column equals value, e.g. frequency=monthly.")
        String seriesWhere;

        @Option(names = "--weights", paramLabel = "<csv>",
                description = "Weights CSV (series_id, a weight column, optional level) for WRMSSE.")
        Path weights;

        @Option(names = "--weight-column", paramLabel = "<name>", defaultValue = "weight",
                description = "Weight column of --weights (default: ${DEFAULT-VALUE}).")
        String weightColumn;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>",
            description = "Report directory, replaced by each run; overrides evaluate.output. Without either, each run "
                    + "writes its own directory build/evaluation/<name>/<run-id>/ and LATEST names it "
                    + "(with --forecasts: build/evaluation/external).")
    Path outputDir;

    @Option(names = "--gate", paramLabel = "<rule>",
            description = "A gate rule as a YAML map, added to the config's gate: list. Repeatable. E.g. '{metric: rmsse, max: 0.9}', "
                    + "'{relative_to: production, metric: rmsse, max_ratio: 1.0}', '{coverage: 0.8, tolerance: 0.05}', "
                    + "'{service_level: 0.95, tolerance: 0.02}' (with evaluate.policies).")
    List<String> gates = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "<file>", description = "Write a JUnit XML report (one test case per gate rule and model); overrides evaluate.junit.")
    Path junit;

    @Option(names = "--summary", paramLabel = "<file>", description = "Write a Markdown summary (verdict, gate results, leaderboard) for a CI job page; overrides evaluate.summary.")
    Path summary;

    @Override
    int doCall() throws Exception {
        if (external == null) {
            return backtest();
        }
        return scoreExternal();
    }

    /** Scores another tool's forecast file. */
    private int scoreExternal() throws Exception {
        if (config.present()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either -c <config> or --forecasts/--actuals/--train, not both");
        }
        if (!gates.isEmpty() || junit != null || summary != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--gate, --junit and --summary belong to a backtest (-c <config>), not to scoring --forecasts");
        }
        if (backend.backend != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--backend belongs to a backtest (-c <config>), not to scoring --forecasts");
        }
        if (prepareFirst.prepare) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--prepare belongs to a backtest (-c <config>), not to scoring --forecasts");
        }
        EvaluateSummary scored = new ExternalEvaluation(external.forecasts, external.actuals, external.train, external.frequency,
                external.seasonLength, external.filter, external.forecastColumn, external.seriesList,
                external.seriesWhere, external.weights, external.weightColumn,
                outputDir != null ? outputDir : Path.of("build", "evaluation", "external")).run(progress());
        info(scored.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("evaluate", scored.toMap()));
        }
        return ExitCodes.OK;
    }

    private int backtest() throws Exception {
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        if (outputDir != null) {
            cfg = cfg.withEvaluate(cfg.evaluate().withOutput(outputDir.toString()));
        }
        if (!gates.isEmpty()) {
            List<GateRule> rules = new ArrayList<>(cfg.gate());
            for (String g : gates) {
                rules.add(ConfigLoader.parseGateRule(g));
            }
            cfg = cfg.withGate(rules);
        }
        cfg = cfg.withEvaluate(cfg.evaluate().withCiFiles(junit == null ? null : junit.toString(),
                summary == null ? null : summary.toString()));
        Preflight.evaluate(cfg);
        prepareFirst.ensureCurrent(cfg, config.config, progress());
        InterruptNotice.doing("evaluate of '" + cfg.name() + "'", BacktestJob.perRun(cfg)
                ? "no run directory was added to " + BacktestJob.outputDirectory(cfg)
                : "the evaluation in " + BacktestJob.outputDirectory(cfg) + " is unchanged");
        BacktestSummary result = BacktestJob.run(cfg, progress());
        info(result.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("evaluate", result.toMap()));
        }
        if (!result.gatePassed()) {
            for (String line : result.gateFailures()) {
                err().println("gate failed: " + line);
            }
            err().flush();
            return ExitCodes.GATE_FAILED;
        }
        return ExitCodes.OK;
    }
}
