package io.demandcast.core.model;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.Progress;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code predict} verb: load a published model (checksums verified), forecast past the end
 * of the data it was fitted on, write the forecast CSV.
 */
public final class PredictJob {
    private PredictJob() {
    }

    /** Where the forecast goes: {@code predict.output}, else {@code build/forecasts/<name>.csv}; {@code -} is stdout. */
    public static String outputOf(ExperimentConfig config) {
        String out = config.predict().output();
        return out == null ? Path.of("build", "forecasts", config.name() + ".csv").toString() : out;
    }

    /** The config with {@code predict.output} replaced (the CLI's {@code -o}). */
    public static ExperimentConfig withOutput(ExperimentConfig config, String output) {
        PredictConfig p = config.predict();
        return config.withPredict(p.withOutput(output));
    }

    /**
     * @param stdout where the CSV goes when the output is {@code -}
     * @throws ArtifactException when the artifact is missing, tampered or of another format
     */
    public static PredictSummary run(ExperimentConfig config, Writer stdout, Progress progress) throws IOException {
        return run(config, ModelRegistry.standard(), stdout, progress);
    }

    public static PredictSummary run(ExperimentConfig config, ModelRegistry registry, Writer stdout, Progress progress) throws IOException {
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        Artifact artifact = store.load(config.model().name(), config.predict().version());
        ModelFamily family;
        try {
            family = registry.family(artifact.manifest().modelFamily());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.directory() + ": " + e.getMessage() + "; it needs a newer demandcast", e);
        }
        FittedModel model;
        try {
            model = family.load(artifact.payloadDirectory());
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException(artifact.directory() + ": cannot load the " + family.name() + " model: " + e.getMessage(), e);
        }
        int horizon = horizon(config);
        double[] levels = config.predict().quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        progress.report("predict: " + artifact.name() + " " + artifact.version() + " (checksums verified), "
                + model.seriesIds().size() + " series, horizon " + horizon);
        Forecast forecast = ForecastCalibration.load(artifact.payloadDirectory()).apply(
                model.forecast(new ForecastRequest(horizon, levels, PredictCovariates.build(config, model, horizon, System::getenv))),
                config.predict().intervals() == PredictConfig.Intervals.conformal, artifact.directory().toString());
        String output = outputOf(config);
        if ("-".equals(output)) {
            ForecastCsvWriter.write(forecast, stdout);
        } else {
            AtomicFiles.write(Path.of(output), out -> ForecastCsvWriter.write(forecast, out));
        }
        int n = forecast.seriesCount();
        String first = n == 0 ? null : forecast.axis().date(minFirst(forecast)).toString();
        String last = n == 0 ? null : forecast.axis().date(maxFirst(forecast) + horizon - 1).toString();
        return new PredictSummary(artifact.name(), artifact.version(), output, n, horizon, config.predict().quantiles(), first, last);
    }

    /** {@code predict.horizon}, else the test split length of the prepared data, else one season. */
    static int horizon(ExperimentConfig config) throws IOException {
        if (config.predict().horizon() != null) {
            return config.predict().horizon();
        }
        Path prepared = PrepareJob.outputDirectory(config);
        if (Files.isDirectory(prepared)) {
            // The manifest records the split; the panel itself is not needed.
            int test = PreparedSplits.testPeriods(PreparedDataset.open(prepared).manifest());
            if (test > 0) {
                return test;
            }
        }
        Integer season = config.data().seasonLength();
        return season != null ? season : 7;
    }

    private static int minFirst(Forecast f) {
        int min = Integer.MAX_VALUE;
        for (int s = 0; s < f.seriesCount(); s++) {
            min = Math.min(min, f.firstPeriod(s));
        }
        return min;
    }

    private static int maxFirst(Forecast f) {
        int max = Integer.MIN_VALUE;
        for (int s = 0; s < f.seriesCount(); s++) {
            max = Math.max(max, f.firstPeriod(s));
        }
        return max;
    }
}
