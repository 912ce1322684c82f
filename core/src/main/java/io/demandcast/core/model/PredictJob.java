package io.demandcast.core.model;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.DemandcastException;
import io.demandcast.core.Progress;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactException;
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
 * The {@code predict} verb: load a published model (checksums verified), bring it up to the newest
 * data when that extends past the data it was fitted on ({@link ModelUpdate}: {@code predict.data} over
 * the data files, else the prepared dataset), forecast past that end, write the forecast CSV.
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
     * What {@code --explain} asks for: the {@code top} features of largest absolute contribution
     * per forecast row, written as {@link ExplanationCsvWriter} CSV to {@code output} (null: beside
     * the forecast, see {@link #explainOutputOf}).
     */
    public record ExplainRequest(int top, String output) {
        public ExplainRequest {
            if (top < 1) {
                throw new DemandcastException("--explain: the number of features must be >= 1 (got " + top + ")");
            }
        }
    }

    /**
     * Where explanations go: {@code explain.output} when given, else the forecast CSV's path with
     * {@code .csv} replaced by {@code .explain.csv}.
     *
     * @throws DemandcastException when the forecast goes to stdout and no explanation path is given
     */
    public static String explainOutputOf(ExperimentConfig config, ExplainRequest explain) {
        if (explain.output() != null) {
            return explain.output();
        }
        String forecast = outputOf(config);
        if ("-".equals(forecast)) {
            throw new DemandcastException("--explain with the forecast on stdout ('-o -') needs --explain-output <file>");
        }
        return (forecast.endsWith(".csv") ? forecast.substring(0, forecast.length() - 4) : forecast) + ".explain.csv";
    }

    /**
     * @param stdout where the CSV goes when the output is {@code -}
     * @throws ArtifactException when the artifact is missing, tampered or of another format
     */
    public static PredictSummary run(ExperimentConfig config, Writer stdout, Progress progress) throws IOException {
        return run(config, ModelRegistry.standard(), stdout, progress, null);
    }

    public static PredictSummary run(ExperimentConfig config, Writer stdout, Progress progress, ExplainRequest explain)
            throws IOException {
        return run(config, ModelRegistry.standard(), stdout, progress, explain);
    }

    public static PredictSummary run(ExperimentConfig config, ModelRegistry registry, Writer stdout, Progress progress) throws IOException {
        return run(config, registry, stdout, progress, null);
    }

    public static PredictSummary run(ExperimentConfig config, ModelRegistry registry, Writer stdout, Progress progress,
                                     ExplainRequest explain) throws IOException {
        return run(config, registry, stdout, progress, explain, ModelAge.Limit.NAMED_BY_CONFIG);
    }

    /**
     * @param explain null for no explanations
     * @param age     how a refusal by {@code predict.max_model_age} is worded
     * @throws DemandcastException (a user error) when explanations are asked of a model that cannot
     *                             give them (statistical families, combinations), before anything is written
     * @throws ArtifactException   when the model is older than {@code predict.max_model_age}, before anything is written
     */
    public static PredictSummary run(ExperimentConfig config, ModelRegistry registry, Writer stdout, Progress progress,
                                     ExplainRequest explain, ModelAge.Limit age) throws IOException {
        return run(config, registry, stdout, progress, explain, age, null);
    }

    /**
     * As above, and with {@code scenarios} (null for none) the what-if forecasts of each scenario beside the
     * baseline with their lifts ({@link io.demandcast.core.plan.ScenarioRun}), written to the scenario CSVs.
     * A scenario that cannot be applied (an override of an unknown or past-only column, a date outside the
     * forecast periods, a model that reads none of its columns) fails before anything is written.
     */
    public static PredictSummary run(ExperimentConfig config, ModelRegistry registry, Writer stdout, Progress progress,
                                     ExplainRequest explain, ModelAge.Limit age,
                                     io.demandcast.core.plan.ScenarioRequest scenarios) throws IOException {
        String scenarioOutput = scenarios == null ? null : scenarios.outputOf(outputOf(config));
        String explainOutput = explain == null ? null : explainOutputOf(config, explain);
        PublishedModel.Opened opened = PublishedModel.open(config, registry, age);
        Artifact artifact = opened.artifact();
        ModelFamily family = opened.family();
        if (explain != null && !(opened.model() instanceof Explainable)) {
            throw new DemandcastException("--explain: " + artifact.name() + " " + artifact.version() + " is a " + family.name()
                    + " model, which cannot explain its forecasts; explanations need a global ML family ("
                    + String.join(", ", io.demandcast.core.model.ml.MlFamilies.LEARNERS) + ")");
        }
        // Read once: with conformal cumulative scores it can be a few MB, and several steps below need it.
        ForecastCalibration calibration = ForecastCalibration.load(artifact.payloadDirectory());
        io.demandcast.core.plan.LeadTimeRequest leadTime = leadTimeRequest(config, calibration);
        if (leadTime != null && explain != null) {
            throw new DemandcastException("--explain explains per-period forecasts; it cannot be combined with lead-time demand (--lead-time, predict.lead_time)");
        }
        int horizon = leadTime != null ? leadTime.interval() : horizon(config);
        double[] levels = config.predict().quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        progress.report("predict: " + opened.description() + ", " + opened.model().seriesIds().size() + " series, horizon " + horizon);
        PublishedModel published = opened.bringUpToDate("predict", progress);
        PredictHistory history = published.predictHistory();
        ModelUpdate update = published.update();
        FittedModel model = published.model();
        ForecastRequest request = new ForecastRequest(horizon, levels, published.futureCovariates(horizon));
        if (leadTime != null) {
            return runLeadTime(config, artifact, calibration, model, history, request, leadTime, update, stdout, progress);
        }
        Forecast raw;
        try {
            raw = model.forecast(request);
        } catch (IllegalArgumentException e) {
            // The model names what its request lacks (a known covariate over the forecast periods): bad input, not a crash.
            throw new io.demandcast.core.data.DataException("predict: " + e.getMessage(), e);
        }
        boolean conformal = config.predict().intervals() == PredictConfig.Intervals.conformal;
        Forecast forecast = calibration.apply(raw, conformal, artifact.directory().toString());
        io.demandcast.core.plan.ScenarioRun.Result scenarioResult = null;
        if (scenarios != null) {
            scenarioResult = io.demandcast.core.plan.ScenarioRun.run(model, request, forecast, scenarios.scenarios(),
                    ScenarioColumns.of(config, history), f -> calibration.apply(f, conformal, artifact.directory().toString()));
        }
        String output = outputOf(config);
        if ("-".equals(output)) {
            ForecastCsvWriter.write(forecast, stdout);
        } else {
            AtomicFiles.write(Path.of(output), out -> ForecastCsvWriter.write(forecast, out));
        }
        FittedModel explaining = model;
        if (explain != null) {
            java.util.List<ExplainedPoint> points = ((Explainable) explaining).explain(request, explain.top());
            AtomicFiles.write(Path.of(explainOutput), out -> ExplanationCsvWriter.write(explaining.family(), points, out));
        }
        io.demandcast.core.plan.ScenarioSummary scenarioSummary = null;
        if (scenarioResult != null) {
            java.util.List<io.demandcast.core.plan.ScenarioLift.Lifts> lifts = scenarioResult.lifts();
            String totalsOutput = scenarios.totalsOutputOf(output);
            AtomicFiles.write(Path.of(scenarioOutput), out -> io.demandcast.core.plan.ScenarioCsvWriter.writeRows(lifts, out));
            AtomicFiles.write(Path.of(totalsOutput), out -> io.demandcast.core.plan.ScenarioCsvWriter.writeTotals(lifts, out));
            scenarioSummary = new io.demandcast.core.plan.ScenarioSummary(scenarios.file(), scenarioOutput, totalsOutput,
                    scenarioResult.summary(), scenarioResult.warnings());
        }
        Path logged = io.demandcast.core.monitor.ForecastLog.append(config, forecast, artifact.version(), java.time.Instant.now());
        int n = forecast.seriesCount();
        String first = n == 0 ? null : forecast.axis().date(minFirst(forecast)).toString();
        String last = n == 0 ? null : forecast.axis().date(maxFirst(forecast) + horizon - 1).toString();
        return new PredictSummary(artifact.name(), artifact.version(), output, n, horizon, config.predict().quantiles(), first, last,
                explainOutput, str(update.modelEnd()), str(update.dataEnd()), update.seriesUpdated(), update.periodsFed(),
                logged == null ? null : logged.toString(), scenarioSummary, null);
    }

    /**
     * What {@link #run} does once the model is loaded, for a caller that holds the data itself (the Spark
     * job, one partition of series at a time): brings {@code loaded} up to {@code all} when that is newer
     * ({@code predict.update}), builds the request's known covariates from {@code all} and {@code future}
     * and forecasts {@code horizon} steps. The result is raw: {@link ForecastCalibration} is the caller's.
     * The caller passes the rows of {@code predict.data}; with {@code predict.future} set, the future rows are
     * read from that file (as {@link #run} does), so a caller without the file system must leave it unset.
     *
     * @param future the rows after each series' last target value (the prepared {@code future.bin}), or null
     * @param source where {@code all} came from, named in messages
     * @throws io.demandcast.core.data.DataException as {@link #run}: a model that cannot follow the data, a
     *                                               known covariate missing over the forecast periods
     */
    public static Forecast forecastFrom(ExperimentConfig config, FittedModel loaded, io.demandcast.core.data.Panel all,
                                        io.demandcast.core.data.Panel future, java.util.List<String> pastOnly, String source,
                                        int horizon, double[] levels) throws IOException {
        PredictHistory history = new PredictHistory(all, future, pastOnly, source);
        FittedModel model = ModelUpdate.apply(loaded, all, config.predict().update(), source).model();
        ForecastRequest request = new ForecastRequest(horizon, levels, PredictCovariates.build(config, model, horizon, history, System::getenv));
        try {
            return model.forecast(request);
        } catch (IllegalArgumentException e) {
            throw new io.demandcast.core.data.DataException("predict: " + e.getMessage(), e);
        }
    }

    /**
     * The lead-time request of {@code predict.lead_time} (null when unset), clipping as the model's
     * forecasts are clipped ({@code calibration.json}'s {@code clip_at_zero}).
     */
    private static io.demandcast.core.plan.LeadTimeRequest leadTimeRequest(ExperimentConfig config, ForecastCalibration calibration) {
        if (config.predict().leadTime() == null) {
            return null;
        }
        try {
            return io.demandcast.core.plan.LeadTimeJob.request(config.predict(), calibration.clipAtZero());
        } catch (IllegalArgumentException e) {
            throw new DemandcastException("predict: " + e.getMessage(), e);
        }
    }

    /** {@code predict.lead_time}: lead-time demand written where the forecast would go (no forecast, nothing logged). */
    private static PredictSummary runLeadTime(ExperimentConfig config, Artifact artifact, ForecastCalibration calibration,
                                              FittedModel model, PredictHistory history,
                                              ForecastRequest request, io.demandcast.core.plan.LeadTimeRequest leadTime, ModelUpdate update,
                                              Writer stdout, Progress progress) throws IOException {
        String output = outputOf(config);
        progress.report("predict: lead-time demand over " + leadTime.leadTime() + " + " + leadTime.reviewPeriod() + " periods, "
                + leadTime.paths() + " sample paths per series (seed " + leadTime.seed() + ")");
        io.demandcast.core.plan.LeadTimeSummary lead;
        try {
            lead = io.demandcast.core.plan.LeadTimeJob.run(model, history == null ? null : history.all(), request.futureCovariates(),
                    leadTime, calibration, config.predict().quantiles(), output, stdout,
                    progress);
        } catch (IllegalArgumentException e) {
            throw new io.demandcast.core.data.DataException("predict: " + e.getMessage(), e);
        }
        int n = model.seriesIds().size();
        // the intervals' first and last dates, on the history's axis (unknown without one)
        io.demandcast.core.data.TimeAxis axis = history == null ? null : history.all().axis();
        java.time.LocalDate first = null;
        java.time.LocalDate last = null;
        for (String id : model.seriesIds()) {
            java.time.LocalDate end = model.fittedEnd(id);
            if (end != null && axis != null && axis.fits(end)) {
                int p = axis.period(end);
                java.time.LocalDate start = axis.date(p + 1);
                java.time.LocalDate stop = axis.date(p + leadTime.interval());
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || stop.isAfter(last) ? stop : last;
            }
        }
        return new PredictSummary(artifact.name(), artifact.version(), output, n, leadTime.interval(), lead.quantiles(),
                first == null ? null : first.toString(), last == null ? null : last.toString(), null,
                str(update.modelEnd()), str(update.dataEnd()), update.seriesUpdated(), update.periodsFed(), null, null, lead);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** {@code predict.horizon}, else the test split length of the prepared data, else one season. */
    public static int horizon(ExperimentConfig config) throws IOException {
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
