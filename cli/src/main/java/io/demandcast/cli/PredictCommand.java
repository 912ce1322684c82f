package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.model.PredictSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code predict}: a published artifact to a forecast CSV. */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = PredictCommand.HEADER,
        description = {
            "Loads <train.store>/<model.name>/<predict.version> (default: latest), verifies every checksum, forecasts predict.horizon steps and writes long CSV: series_id,date,model,forecast,q0.1,... (one column per predict.quantiles level), and p_up (the probability of a rise from the step before) for an lstm with direction_head.",
            "",
            "Examples:",
            "  demandcast predict -c configs/quickstart.yaml",
            "  demandcast predict -c configs/quickstart.yaml -o - | head",
            "  demandcast predict -c configs/quickstart.yaml \\",
            "      --set predict.version=20261124T101500Z-1a2b3c4d",
            "  demandcast predict -c gbm.yaml --explain 3   (top 3 features per forecast row)",
            "  demandcast predict -c configs/quickstart.yaml \\",
            "      --data last-week.csv --max-model-age 7d",
            "  demandcast predict -c gbm.yaml --scenario price-cut.yaml",
            "  demandcast predict -c configs/quickstart.yaml --lead-time 7 \\",
            "      --review 7 -o lead-time.csv   (demand over 7 + 7 days)",
            "",
            "Forecasts start after the newest data: when the prepared data (or --data over data.files) extends past the end of the data the model was fitted on, the model is first brought up to it with its fitted parameters fixed (ETS/ARIMA filters, Croston/TSB smoothing, seasonal windows, the lags of global models; no refit). The summary names the model version and the data end used.",
            "",
            "Every run also appends the forecasts it published to the forecast log that monitor reads (monitor.log, by default forecast-log beside train.store; monitor.log_forecasts: false turns it off).",
            "",
            "--scenario scenarios.yaml also forecasts each what-if scenario of the file (known covariates overridden: price x 0.9 for some series and dates, a promotion or event flag set to 1) and writes <name>.scenarios.csv beside the forecast: series_id,date,scenario,baseline,forecast,lift,lift_lo,lift_hi (lift = scenario - baseline; lift_lo/lift_hi: the lift when the same error draw hits both forecasts, over the predict.quantiles levels), and <name>.scenarios.totals.csv, the same summed over the horizon per series with lift_pct.",
            "",
            "--lead-time L writes, instead of the per-period forecast, the demand summed over the next L (+ --review R) periods per series: series_id,cutoff,lead_time,review_period,method,mean,sd,q0.5,q0.9,q0.95,q0.99 (plus any other predict.quantiles level), from --paths sample paths of the model (ETS, ARIMA, naive random walks, ML residual bootstrap; Willemain's count bootstrap for croston/sba/tsb/adida/imapa), or, for a model that cannot simulate, method backtest_bootstrap (the forecast sum plus the scaled cumulative errors of train's calibration backtest, when trained with predict.intervals: conformal) else normal_from_quantiles. Nothing is logged for monitor.",
            "",
            "--explain (global ML families only) also writes <name>.explain.csv beside the forecast <name>.csv: series_id,date,model,rank,feature,value,contribution,space,base,prediction, one line per forecast row and top feature; base + all contributions = prediction, in space 'units' (the point forecast) or 'log1p' (transform: log1p).",
            ""
        })
final class PredictCommand extends BaseCommand {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "Forecast past the end of the data with a published model.";

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Mixin
    BackendMixin backend;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Forecast CSV to write ('-' for stdout); overrides predict.output.")
    String outputFile;

    @Option(names = "--explain", arity = "0..1", fallbackValue = "5", paramLabel = "N",
            description = "Also write the top N (default 5) contributing features of each forecast row (global ML models only).")
    Integer explain;

    @Option(names = "--explain-output", paramLabel = "<file>",
            description = "Where --explain writes (default: the forecast CSV's path with .explain.csv).")
    String explainOutput;

    @Option(names = "--scenario", paramLabel = "<file>",
            description = "What-if scenarios (YAML: scenarios: [{name, overrides: [{series, dates, column, set|multiply|add}]}]): forecast each beside the baseline and write its lift.")
    String scenario;

    @Option(names = "--scenario-output", paramLabel = "<file>",
            description = "Where --scenario writes its per-period CSV (default: the forecast CSV's path with .scenarios.csv); the totals go to its path with .totals.csv.")
    String scenarioOutput;

    @Option(names = "--data", paramLabel = "<file>",
            description = "Newer actuals (the format of data.files), read after the data files and prepared in memory: the model is brought up to them and forecasts from their end; overrides predict.data.")
    String data;

    @Option(names = "--max-model-age", paramLabel = "<age>",
            description = "Refuse (exit 2) a model trained longer ago than this (90s, 20m, 1h30m, 7d, 2w); overrides predict.max_model_age.")
    String maxModelAge;

    @Option(names = "--no-update",
            description = "Forecast from the end of the data the model was fitted on, even when newer data is there (predict.update: false).")
    boolean noUpdate;

    @Option(names = "--lead-time", paramLabel = "<periods>",
            description = "Write lead-time demand instead of the forecast: quantiles of demand summed over the next <periods> (+ --review) periods per series; overrides predict.lead_time.")
    Integer leadTime;

    @Option(names = "--review", paramLabel = "<n>",
            description = "Review period added to --lead-time (periodic review; default 0); overrides predict.review_period.")
    Integer review;

    @Option(names = "--paths", paramLabel = "<n>",
            description = "Sample paths per series for --lead-time (default 1000); overrides predict.sample_paths.")
    Integer paths;

    @Option(names = "--seed", paramLabel = "<n>",
            description = "Seed of the --lead-time sample paths (default 42); overrides predict.seed.")
    Long seed;

    @Override
    int doCall() throws Exception {
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        if (outputFile != null) {
            cfg = PredictJob.withOutput(cfg, outputFile);
        }
        if (maxModelAge != null) {
            try {
                io.demandcast.core.config.Durations.parse(maxModelAge, "--max-model-age");
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        String ageLimit = maxModelAge != null ? "--max-model-age" : "predict.max_model_age";
        cfg = cfg.withPredict(cfg.predict().withFreshness(data, maxModelAge, noUpdate ? Boolean.FALSE : null));
        cfg = withLeadTime(cfg);
        boolean toStdout = "-".equals(PredictJob.outputOf(cfg));
        if (toStdout && output.format() == OutputMixin.Format.json) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--json and '-o -' both want stdout; write the forecast to a file or drop --json");
        }
        if (explainOutput != null && explain == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--explain-output needs --explain");
        }
        if (explain != null && cfg.predict().leadTime() != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--explain explains per-period forecasts; drop it, or drop --lead-time (predict.lead_time)");
        }
        if (explain != null && explain < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--explain needs N >= 1 (got " + explain + ")");
        }
        PredictJob.ExplainRequest explainRequest = explain == null ? null : new PredictJob.ExplainRequest(explain, explainOutput);
        if (scenario != null && cfg.predict().leadTime() != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--scenario compares per-period forecasts; drop it, or drop --lead-time (predict.lead_time)");
        }
        if (scenarioOutput != null && scenario == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scenario-output needs --scenario");
        }
        // Read (and checked) before any work: a bad scenario file fails naming file:line:column, nothing written.
        io.demandcast.core.plan.ScenarioRequest scenarioRequest = scenario == null ? null
                : io.demandcast.core.plan.ScenarioRequest.read(scenario, scenarioOutput);
        Preflight.predict(cfg, explainRequest);
        if (scenarioRequest != null) {
            String forecastOutput = PredictJob.outputOf(cfg);
            io.demandcast.core.PathChecks.writableFile("--scenario-output", java.nio.file.Path.of(scenarioRequest.outputOf(forecastOutput)));
            io.demandcast.core.PathChecks.writableFile("--scenario-output", java.nio.file.Path.of(scenarioRequest.totalsOutputOf(forecastOutput)));
        }
        if (cfg.predict().data() == null) {
            // With --data the history is prepared in memory from the current files: a prepared dataset
            // older than them is not read for it, so it need not be current.
            Preflight.preparedDataCurrent(cfg, config.config, null);
        }
        InterruptNotice.doing("predict of model '" + cfg.model().name() + "'", toStdout
                ? "the forecasts on standard output are incomplete"
                : "the forecast file " + PredictJob.outputOf(cfg) + " is unchanged");
        PredictSummary summary = PredictJob.run(cfg, io.demandcast.core.model.ModelRegistry.standard(), out(), progress(), explainRequest,
                new io.demandcast.core.model.ModelAge.Limit(ageLimit, "demandcast train -c " + config.config), scenarioRequest);
        if (summary.scenarios() != null) {
            // warnings are shown with --quiet too, as prepare's data warnings are
            summary.scenarios().warnings().forEach(w -> err().println("demandcast predict: warning: --scenario: " + w));
        }
        info(summary.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("predict", summary.toMap()));
        }
        return ExitCodes.OK;
    }

    /** The config with the lead-time flags applied; a flag without --lead-time (or predict.lead_time) is a usage error. */
    private ExperimentConfig withLeadTime(ExperimentConfig cfg) {
        try {
            cfg = cfg.withPredict(cfg.predict().withLeadTime(leadTime, review, paths, seed));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                    .replace("predict.lead_time", "--lead-time").replace("predict.review_period", "--review")
                    .replace("predict.sample_paths", "--paths"));
        }
        if (cfg.predict().leadTime() == null && (review != null || paths != null || seed != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--review, --paths and --seed need --lead-time");
        }
        return cfg;
    }
}
