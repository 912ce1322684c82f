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
        header = "Forecast past the end of the data with a published model.",
        description = {
            "Loads <train.store>/<model.name>/<predict.version> (default: latest), verifies every checksum, forecasts predict.horizon steps and writes long CSV: series_id,date,model,forecast,q0.1,... (one column per predict.quantiles level), and p_up (the probability of a rise from the step before) for an lstm with direction_head.",
            "",
            "Examples:",
            "  demandcast predict -c configs/quickstart.yaml",
            "  demandcast predict -c configs/quickstart.yaml -o - | head",
            "  demandcast predict -c configs/quickstart.yaml \\",
            "      --set predict.version=20261124T101500Z-1a2b3c4d",
            "  demandcast predict -c gbm.yaml --explain 3   (top 3 features per forecast row)",
            "",
            "Every run also appends the forecasts it published to the forecast log that monitor reads (monitor.log, by default forecast-log beside train.store; monitor.log_forecasts: false turns it off).",
            "",
            "--explain (global ML families only) also writes <name>.explain.csv beside the forecast <name>.csv: series_id,date,model,rank,feature,value,contribution,space,base,prediction, one line per forecast row and top feature; base + all contributions = prediction, in space 'units' (the point forecast) or 'log1p' (transform: log1p).",
            ""
        })
final class PredictCommand extends BaseCommand {
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

    @Override
    int doCall() throws Exception {
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        if (outputFile != null) {
            cfg = PredictJob.withOutput(cfg, outputFile);
        }
        boolean toStdout = "-".equals(PredictJob.outputOf(cfg));
        if (toStdout && output.format() == OutputMixin.Format.json) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--json and '-o -' both want stdout; write the forecast to a file or drop --json");
        }
        if (explainOutput != null && explain == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--explain-output needs --explain");
        }
        if (explain != null && explain < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--explain needs N >= 1 (got " + explain + ")");
        }
        PredictJob.ExplainRequest explainRequest = explain == null ? null : new PredictJob.ExplainRequest(explain, explainOutput);
        Preflight.predict(cfg, explainRequest);
        Preflight.preparedDataCurrent(cfg, config.config, null);
        InterruptNotice.doing("predict of model '" + cfg.model().name() + "'", toStdout
                ? "the forecasts on standard output are incomplete"
                : "the forecast file " + PredictJob.outputOf(cfg) + " is unchanged");
        PredictSummary summary = PredictJob.run(cfg, out(), progress(), explainRequest);
        info(summary.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("predict", summary.toMap()));
        }
        return ExitCodes.OK;
    }
}
