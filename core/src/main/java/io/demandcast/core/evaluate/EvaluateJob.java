package io.demandcast.core.evaluate;

import io.demandcast.core.Progress;
import io.demandcast.core.config.EvaluateConfig;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code evaluate} verb on an experiment: refit the configured model on the rows before the
 * test split, forecast the test split, score it against the held-out actuals. Models fit the
 * prepared target; scores use the target as read ({@link PreparedSplits#actuals()}), so clipping
 * or replacing outliers in {@code prepare} cannot flatter them.
 */
public final class EvaluateJob {
    /** The hold-out forecasts, written next to the metrics so a score can be traced to its numbers. */
    public static final String FORECASTS_FILE = "forecasts.csv";

    private EvaluateJob() {
    }

    /** Where the report goes: {@code evaluate.output}, else {@code build/evaluation/<name>}. */
    public static Path outputDirectory(ExperimentConfig config) {
        String out = config.evaluate().output();
        return out == null ? Path.of("build", "evaluation", config.name()) : Path.of(out);
    }

    /** The config with {@code evaluate.output} replaced (the CLI's {@code -o}). */
    public static ExperimentConfig withOutput(ExperimentConfig config, String output) {
        EvaluateConfig e = config.evaluate();
        return config.withEvaluate(e.withOutput(output));
    }

    public static EvaluateSummary run(ExperimentConfig config, Progress progress) throws IOException {
        return run(config, ModelRegistry.standard(), progress);
    }

    public static EvaluateSummary run(ExperimentConfig config, ModelRegistry registry, Progress progress) throws IOException {
        PreparedSplits data = PreparedSplits.open(PrepareJob.outputDirectory(config));
        int horizon = data.testPeriods();
        if (horizon == 0) {
            throw new InvalidConfigException("evaluate needs a test split: set prepare.split.test (periods) or prepare.split.test_start and run prepare again");
        }
        EvaluateConfig ec = config.evaluate();
        Panel history = data.upTo(ec.fitOn());
        // Scored against the target as read: when prepare clipped or replaced outliers, actuals()
        // restores them (test rows and the history that scales MASE/RMSSE alike).
        Panel test = data.test();
        Panel actuals = data.actuals();
        Panel testActuals = actuals.slice(test.minPeriod(), test.maxPeriod());
        Panel historyActuals = actuals.slice(history.minPeriod(), history.maxPeriod());
        Forecaster forecaster = ModelFactory.create(registry, config, history.frequency());
        progress.report("evaluate: fitting " + forecaster.family() + " on " + history.seriesCount() + " series ("
                + ec.fitOn() + " rows), forecasting the " + horizon + "-period test split");
        double[] levels = config.predict().quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        Forecast forecast = forecaster.fit(history).forecast(new ForecastRequest(horizon, levels));

        int season = config.data().seasonLength() != null ? config.data().seasonLength() : history.frequency().defaultSeasonLength();
        ScoreOptions options = ScoreOptions.of(season);
        if (ec.weights() != null) {
            options = options.withWeights(SeriesWeightsCsv.read(Path.of(ec.weights()), ec.weightColumn()));
        }
        ScoreResult result = new Scorer(options).score(forecast, testActuals, historyActuals);

        Path output = outputDirectory(config);
        Files.createDirectories(output);
        List<Path> files = new ArrayList<>(EvaluationReport.write(result, output));
        Path forecastFile = output.resolve(FORECASTS_FILE);
        try (Writer out = Files.newBufferedWriter(forecastFile, StandardCharsets.UTF_8)) {
            ForecastCsvWriter.write(forecast, out);
        }
        files.add(forecastFile);
        return new EvaluateSummary(config.model().name(), horizon, output, files, result, MetricsTable.render(result));
    }
}
