package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.evaluate.EvaluateJob;
import io.demandcast.core.evaluate.EvaluateSummary;
import io.demandcast.core.evaluate.ExternalEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: hold-out scores of the configured model, or of a forecast file made by any tool. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Score forecasts on held-out data: this experiment's model, or another tool's forecast CSV.",
        description = {
            "With -c: refits model.family on the rows before the test split (evaluate.fit_on), forecasts the test split and scores it. Without -c: scores --forecasts against --actuals, scaling by --train, so any tool can be compared on the same footing.",
            "",
            "Writes metrics.json and per_series.csv to the output directory and prints a table on stderr. Metrics: MAE, MSE, RMSE, MAPE (zero actuals skipped), sMAPE (M3/M4, percent), MASE (in-sample seasonal-naive scale), RMSSE (M5 scale), WRMSSE (with weights), WAPE, bias, R², and up/down direction accuracy, precision, recall, F1.",
            "",
            "Examples:",
            "  demandcast evaluate -c configs/quickstart.yaml --json",
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
    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

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
            description = "Directory for metrics.json and per_series.csv; overrides evaluate.output (default with --forecasts: build/evaluation/external).")
    Path outputDir;

    @Override
    int doCall() throws Exception {
        EvaluateSummary summary;
        if (external != null) {
            if (config.present()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "give either -c <config> or --forecasts/--actuals/--train, not both");
            }
            summary = new ExternalEvaluation(external.forecasts, external.actuals, external.train, external.frequency,
                    external.seasonLength, external.filter, external.forecastColumn, external.seriesList,
                    external.seriesWhere, external.weights, external.weightColumn,
                    outputDir != null ? outputDir : Path.of("build", "evaluation", "external")).run(progress());
        } else {
            ExperimentConfig cfg = config.load(spec.commandLine());
            if (outputDir != null) {
                cfg = EvaluateJob.withOutput(cfg, outputDir.toString());
            }
            summary = EvaluateJob.run(cfg, progress());
        }
        info(summary.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("evaluate", summary.toMap()));
        }
        return ExitCodes.OK;
    }
}
