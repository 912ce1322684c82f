package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.Progress;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.GateRule;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.config.TrainConfig;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.evaluate.ProbabilisticSummary.IntervalSummary;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.evaluate.NonNegative;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.evaluate.SeriesWeights;
import io.demandcast.core.evaluate.SeriesWeightsCsv;
import io.demandcast.core.evaluate.gate.Gate;
import io.demandcast.core.evaluate.gate.GateInput;
import io.demandcast.core.evaluate.gate.GateMarkdown;
import io.demandcast.core.evaluate.gate.GateOutcome;
import io.demandcast.core.evaluate.gate.JUnitXml;
import io.demandcast.core.evaluate.report.ReportData;
import io.demandcast.core.evaluate.report.ReportWriter;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ModelColumns;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code evaluate} verb on an experiment: a rolling-origin backtest of every model of the run
 * (candidates, the seasonal-naive baseline and, for champion/challenger rules, the production
 * model) on the prepared data, scored against the raw actuals, ranked, checked by the gate and
 * written as a report. Without a {@code backtest} section it is one window: the test split.
 */
public final class BacktestJob {
    private BacktestJob() {
    }

    /**
     * Where reports go: the named {@code evaluate.output} (replaced by each run) or, when none is
     * named, {@code build/evaluation/<name>}, in which each run writes its own directory
     * ({@link EvaluationRuns}).
     */
    public static Path outputDirectory(ExperimentConfig config) {
        String out = config.evaluate().output();
        return out == null ? Path.of("build", "evaluation", config.name()) : Path.of(out);
    }

    /** True when no output is named, so each run gets its own directory under {@link #outputDirectory}. */
    public static boolean perRun(ExperimentConfig config) {
        return config.evaluate().output() == null;
    }

    public static BacktestSummary run(ExperimentConfig config, Progress progress) throws IOException {
        return run(config, ModelRegistry.standard(), progress);
    }

    public static BacktestSummary run(ExperimentConfig config, ModelRegistry registry, Progress progress) throws IOException {
        return run(config, registry, progress, BacktestRunner.LOCAL);
    }

    /**
     * As {@link #run(ExperimentConfig, ModelRegistry, Progress)}, each model's windows run by {@code runner}
     * (the Spark job runs them per partition of series); combinations of models already run are still
     * combined here from their members' forecasts.
     */
    public static BacktestSummary run(ExperimentConfig config, ModelRegistry registry, Progress progress, BacktestRunner runner)
            throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (!perRun(config) && EvaluationRuns.holdsRuns(outputDirectory(config))) {
            // Replacing it as one report would delete every run directory in it.
            throw new InvalidConfigException("evaluate.output: " + outputDirectory(config) + " holds the per-run directories of "
                    + "earlier evaluations (" + EvaluationRuns.LATEST_FILE + "); name another directory, or leave evaluate.output "
                    + "unset to add a run to them");
        }
        PreparedDataset dataset = PreparedSplits.dataset(PrepareJob.outputDirectory(config));
        ElasticityCheck.checkColumns(config, dataset.manifest().columns());
        PanelColumns columns = columns(config, registry, dataset, withProductionGate(config));
        PreparedSplits data = PreparedSplits.read(dataset, columns);
        String loaded = ModelColumns.describe(columns, dataset.manifest());
        if (loaded != null) {
            progress.report("evaluate: " + loaded);
        }
        Panel panel = data.all();
        Panel actuals = data.actuals();
        int season = config.data().seasonLength() != null ? config.data().seasonLength() : panel.frequency().defaultSeasonLength();
        BacktestPlan plan = plan(config, data, panel, actuals, season);
        List<String> pastOnly = data.pastOnly();
        ModelContext context = new ModelContext(panel.frequency(), season, plan.horizon(), pastOnly).withQuantileLevels(config.predict().levels());
        BacktestConfig bt = config.backtest() != null ? config.backtest() : BacktestConfig.defaults();
        boolean clip = ForecastCalibration.clipsAtZero(config.predict().clipNegative(), panel);
        UnaryOperator<Forecast> adjust = clip ? NonNegative::clipAtZero : UnaryOperator.identity();
        boolean withProduction = withProductionGate(config);
        BacktestModels.Resolved resolved = BacktestModels.resolve(config, registry, context, withProduction);

        if (!config.gate().isEmpty()) {
            checkRulesBeforeRunning(config, resolved, plan.windows());
        }
        ScoreOptions options = ScoreOptions.of(season);
        Map<String, Double> fileWeights = Map.of();
        if (config.evaluate().weights() != null) {
            SeriesWeights weights = SeriesWeightsCsv.read(Path.of(config.evaluate().weights()), config.evaluate().weightColumn());
            options = options.withWeights(weights);
            fileWeights = perSeries(weights);
        }
        double[] levels = config.predict().levels();
        checkPolicies(config, plan);
        BacktestScoring scoring = new BacktestScoring(actuals, plan, options, adjust, fileWeights, ScoredSeries.of(config, panel),
                data.censored(), config.evaluate().policies(), config.evaluate().policyCalibrationWindows(),
                config.evaluate().policyRounding() == io.demandcast.core.config.EvaluateConfig.Rounding.up);
        progress.report("evaluate: " + resolved.models().size() + " models x " + plan.windows() + " window(s) x "
                + plan.seriesCount() + " series, horizon " + plan.horizon() + ", refit every "
                + refitLabel(bt.refitInterval()) + (clip ? ", forecasts clipped at 0" : "")
                + (data.censored().marked() ? ", " + scoring.censoredExcluded() + " out-of-stock period(s) left out of every metric" : ""));
        ElasticityCheck elasticity = ElasticityCheck.start(config, panel, plan, pastOnly, runner, progress);
        List<ModelScores> scores = new ArrayList<>();
        List<ModelRun> runs = new ArrayList<>();
        // Combinations last, so they can be built from members already run instead of refitting them.
        List<BacktestModel> order = new ArrayList<>(resolved.models());
        order.sort(java.util.Comparator.comparing(m -> CombinationReuse.members(m) != null));
        for (BacktestModel model : order) {
            List<ModelRun> members = CombinationReuse.memberRuns(model, runs);
            ModelRun run = members != null
                    ? BacktestEngine.combine(model, members, CombinationReuse.members(model), adjust)
                    : elasticity != null && elasticity.probes(model)
                    ? BacktestEngine.run(model, panel, plan, bt.refitInterval(), levels, adjust, progress, pastOnly, elasticity.probe(model))
                    : runner.run(model, panel, plan, bt.refitInterval(), levels, adjust, progress, pastOnly);
            runs.add(run);
            progress.report("evaluate: " + model.name() + " (" + model.forecaster().family() + ") "
                    + (members != null ? "combined from its members' forecasts" : "done in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", run.wallSeconds())));
            scores.add(scoring.score(run));
        }
        String rankBy = options.weights() != null ? "wrmsse" : "rmsse";
        Leaderboard board = Leaderboard.of(scores, rankBy);
        FitReports fitReports = FitReports.of(resolved.models(), runs);
        BacktestRun.GateVerdict verdict = verdict(config.gate().isEmpty() ? null : gate(config, board, resolved.productionNote()),
                fitReports.check(config.train().maxFallbackShare(), resolved.models()));
        BacktestRun run = new BacktestRun(config.name(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), season,
                plan, settings(config, bt, clip, rankBy), board, verdict, data.censored().marked() ? scoring.censoredExcluded() : -1);

        boolean conformal = config.predict().intervals() == PredictConfig.Intervals.conformal;
        ReportData built = ServiceLevelReport.attach(ReportDataBuilder.build(run, actuals, config.predict().intervals()), board,
                scoring.policies(), plan, config.evaluate().policies());
        ReportData report = elasticity == null ? built : built.withSections(List.of(elasticity.section()));
        List<String> fileNames = new ArrayList<>(List.of(BacktestFiles.METRICS, BacktestFiles.PER_SERIES, BacktestFiles.FORECASTS,
                ReportWriter.LEADERBOARD_CSV, ReportWriter.REPORT_MD, ReportWriter.REPORT_HTML, io.demandcast.core.model.FitReport.FILE));
        if (!report.importance().isEmpty()) {
            fileNames.add(ReportWriter.IMPORTANCE_CSV);
        }
        if (elasticity != null) {
            fileNames.addAll(elasticity.fileNames());
        }
        AtomicFiles.DirectoryContent content = dir -> {
            BacktestFiles.writeMetrics(dir.resolve(BacktestFiles.METRICS), run);
            BacktestFiles.writePerSeries(dir.resolve(BacktestFiles.PER_SERIES), plan, board, data.censored().marked());
            BacktestFiles.writeForecasts(dir.resolve(BacktestFiles.FORECASTS), plan, actuals, board, conformal);
            ReportWriter.write(report, dir);
            fitReports.write(dir.resolve(io.demandcast.core.model.FitReport.FILE));
            if (elasticity != null) {
                elasticity.write(dir);
            }
        };
        Path output;
        if (perRun(config)) {
            EvaluationRuns.Written written = EvaluationRuns.write(outputDirectory(config), started, config.evaluate().keep(), content);
            output = written.directory();
            if (!written.removed().isEmpty()) {
                progress.report("evaluate: removed " + written.removed().size() + " older run(s) (evaluate.keep: "
                        + config.evaluate().keep() + "): " + String.join(", ", written.removed().stream().map(Path::toString).toList()));
            }
        } else {
            output = outputDirectory(config);
            AtomicFiles.replaceDirectory(output, BacktestFiles.METRICS, "an evaluation report", content);
        }
        List<Path> files = new ArrayList<>(fileNames.stream().map(output::resolve).toList());
        List<GateOutcome> outcomes = verdict == null ? List.of() : verdict.outcomes();
        if (config.evaluate().junit() != null) {
            Path junit = Path.of(config.evaluate().junit());
            JUnitXml.write(junit, outcomes, started, Duration.ofNanos(System.nanoTime() - t0));
            files.add(junit);
        }
        if (config.evaluate().summary() != null) {
            Path summary = Path.of(config.evaluate().summary());
            GateMarkdown.write(summary, config.name(), outcomes, ReportWriter.leaderboardMarkdown(report));
            files.add(summary);
        }
        return new BacktestSummary(run, output, files, fitReports, elasticity == null ? null : elasticity.toMap());
    }

    /**
     * Policies need earlier windows to calibrate on and a horizon that covers their protection
     * interval: a config error before any model runs, not after. (A service-level gate rule without
     * a policy of its target is caught with the other rules, by {@code checkRulesBeforeRunning}.)
     */
    static void checkPolicies(ExperimentConfig config, BacktestPlan plan) {
        List<io.demandcast.core.config.ServicePolicy> policies = config.evaluate().policies();
        if (policies.isEmpty()) {
            return;
        }
        if (config.backtest() == null || plan.windows() < 2) {
            throw new InvalidConfigException("evaluate.policies need a rolling-origin backtest of at least 2 windows (got "
                    + plan.windows() + "): the first window only calibrates the lead-time demand of the later ones;"
                    + " add e.g. backtest: {windows: 8}");
        }
        for (int i = 0; i < policies.size(); i++) {
            io.demandcast.core.config.ServicePolicy p = policies.get(i);
            if (p.protection() > plan.horizon()) {
                throw new InvalidConfigException("evaluate.policies[" + i + "]: lead_time + review = " + p.protection()
                        + " periods exceeds the backtest horizon " + plan.horizon() + "; set backtest.horizon to at least "
                        + p.protection());
            }
        }
    }

    private static boolean withProductionGate(ExperimentConfig config) {
        return config.gate().stream().anyMatch(r -> GateRule.PRODUCTION.equals(r.relativeTo()));
    }

    /**
     * The prepared columns the backtest's models read ({@link ModelColumns}), decided before the
     * panel is read from the models built on the manifest's frequency (the horizon does not change
     * which columns a family reads). Every column when the production model or a stored artifact
     * takes part (not loaded twice), or when a model cannot be built here: the resolve that follows
     * reports that error.
     */
    private static PanelColumns columns(ExperimentConfig config, ModelRegistry registry, PreparedDataset dataset, boolean withProduction)
            throws IOException {
        if (withProduction || config.models().stream().anyMatch(s -> s.artifact() != null) || config.evaluate().elasticity() != null) {
            // the elasticities read the price and control columns even when every model is per-series
            return PanelColumns.ALL;
        }
        Frequency frequency = dataset.manifest().axis().frequency();
        int season = config.data().seasonLength() != null ? config.data().seasonLength() : frequency.defaultSeasonLength();
        ModelContext context = new ModelContext(frequency, season, season, dataset.manifest().columns().pastOnly());
        try {
            return ModelColumns.of(BacktestModels.resolve(config, registry, context, false).models().stream()
                    .map(BacktestModel::forecaster).toList());
        } catch (RuntimeException e) {
            return PanelColumns.ALL;
        }
    }

    /** The windows: the {@code backtest} section, else one window over the test split. */
    public static BacktestPlan plan(ExperimentConfig config, PreparedSplits data, Panel panel, Panel actuals, int season) {
        if (config.backtest() != null) {
            Integer h = config.backtest().horizon();
            if (h == null) {
                h = config.predict().horizon();
            }
            if (h == null) {
                int test = data.testPeriods();
                h = test > 0 ? test : season;
            }
            return BacktestPlan.of(panel, actuals, config.backtest(), h);
        }
        int test = data.testPeriods();
        if (test == 0) {
            throw new InvalidConfigException("evaluate needs a test split or a backtest section: set prepare.split.test "
                    + "(periods) and run prepare again, or add backtest: {windows: 3} to the config");
        }
        DatasetManifest.Split split = data.dataset().manifest().split();
        var end = config.evaluate().fitOn() == TrainConfig.FitOn.train || split.validationEnd() == null
                ? split.trainEnd() : split.validationEnd();
        int cutoff = panel.axis().period(end);
        return BacktestPlan.holdout(panel, actuals, cutoff, panel.axis().period(split.testEnd()) - cutoff);
    }

    /**
     * The gate's verdict with the fallback checks of {@code train.max_fallback_share} added (they fail
     * the run like any rule: exit 3); null when there is neither a gate nor a limit.
     */
    private static BacktestRun.GateVerdict verdict(BacktestRun.GateVerdict gate, List<GateOutcome> fallbackChecks) {
        if (fallbackChecks.isEmpty()) {
            return gate;
        }
        List<GateOutcome> all = new ArrayList<>(gate == null ? List.of() : gate.outcomes());
        all.addAll(fallbackChecks);
        return new BacktestRun.GateVerdict(all.stream().allMatch(GateOutcome::passed), all, gate == null ? null : gate.note());
    }

    private static BacktestRun.GateVerdict gate(ExperimentConfig config, Leaderboard board, String productionNote) {
        List<GateOutcome> outcomes = checkGate(config, board.entries().stream().map(e -> e.scores().run().model()).toList(),
                name -> board.entry(name).values(), name -> {
                    ModelScores s = board.entry(name).scores();
                    Map<PredictConfig.Intervals, Map<Double, Double>> byKind = new LinkedHashMap<>();
                    byKind.put(PredictConfig.Intervals.model, coverageOf(s.modelIntervals().intervals()));
                    if (s.conformalIntervals() != null) {
                        byKind.put(PredictConfig.Intervals.conformal, coverageOf(s.conformalIntervals().intervals()));
                    }
                    return byKind;
                }, name -> achieved(config, board.entry(name).scores().serviceLevels()), productionNote);
        return new BacktestRun.GateVerdict(outcomes.stream().allMatch(GateOutcome::passed), outcomes, productionNote);
    }

    /**
     * Runs the gate on a leaderboard of the expected value names (all undefined), so a rule that
     * cannot fit the run (an unknown metric, model or interval level) is a config error before the
     * backtest, not after it.
     */
    private static void checkRulesBeforeRunning(ExperimentConfig config, BacktestModels.Resolved resolved, int windows) {
        Map<String, Double> undefined = new LinkedHashMap<>();
        MetricNames.expected(config.predict().levels(), config.evaluate().weights() != null, windows)
                .forEach(n -> undefined.put(n, Double.NaN));
        Map<Double, Double> levels = new LinkedHashMap<>();
        io.demandcast.core.evaluate.ProbabilisticMetrics.centralIntervals(config.predict().levels())
                .forEach(i -> levels.put(i.nominal(), Double.NaN));
        Map<PredictConfig.Intervals, Map<Double, Double>> kinds = new LinkedHashMap<>();
        kinds.put(PredictConfig.Intervals.model, levels);
        if (windows > 1) {
            kinds.put(PredictConfig.Intervals.conformal, levels);
        }
        List<GateInput.AchievedServiceLevel> none = config.evaluate().policies().stream().filter(p -> !p.targetsFillRate())
                .map(p -> new GateInput.AchievedServiceLevel(p.label(), p.serviceLevel(), Double.NaN, 0)).toList();
        checkGate(config, resolved.models(), name -> undefined, name -> kinds, name -> none, resolved.productionNote());
    }

    /** The gate's rules over these models, their values and coverage by name; a rule that does not fit is a config error. */
    private static List<GateOutcome> checkGate(ExperimentConfig config, List<BacktestModel> models,
                                               java.util.function.Function<String, Map<String, Double>> values,
                                               java.util.function.Function<String, Map<PredictConfig.Intervals, Map<Double, Double>>> coverage,
                                               java.util.function.Function<String, List<GateInput.AchievedServiceLevel>> serviceLevels,
                                               String productionNote) {
        List<String> candidates = new ArrayList<>();
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        Map<String, Map<PredictConfig.Intervals, Map<Double, Double>>> covered = new LinkedHashMap<>();
        Map<String, List<GateInput.AchievedServiceLevel>> achieved = new LinkedHashMap<>();
        String production = null;
        for (BacktestModel m : models) {
            if (m.role() == BacktestModel.Role.CANDIDATE) {
                candidates.add(m.name());
            }
            if (m.role() == BacktestModel.Role.PRODUCTION) {
                production = m.name();
            }
            metrics.put(m.name(), values.apply(m.name()));
            covered.put(m.name(), coverage.apply(m.name()));
            achieved.put(m.name(), serviceLevels.apply(m.name()));
        }
        try {
            return Gate.check(config.gate(), new GateInput(candidates, metrics, covered, config.predict().intervals(),
                    production, productionNote, achieved));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("gate: " + e.getMessage(), e);
        }
    }

    /** The cycle service level each cycle-service policy achieved with the model's own method (the bootstrap). */
    private static List<GateInput.AchievedServiceLevel> achieved(ExperimentConfig config, ServiceLevels levels) {
        List<GateInput.AchievedServiceLevel> out = new ArrayList<>();
        for (io.demandcast.core.config.ServicePolicy p : config.evaluate().policies()) {
            if (p.targetsFillRate()) {
                continue;
            }
            PolicyOutcome o = levels.overall(p, PolicySimulation.BOOTSTRAP);
            out.add(new GateInput.AchievedServiceLevel(p.label(), p.serviceLevel(), o == null ? Double.NaN : o.serviceLevel(),
                    o == null ? 0 : o.cycles()));
        }
        return out;
    }

    private static Map<Double, Double> coverageOf(List<IntervalSummary> intervals) {
        Map<Double, Double> out = new LinkedHashMap<>();
        intervals.forEach(i -> out.put(i.nominal(), i.coverage()));
        return out;
    }

    private static Map<String, Object> settings(ExperimentConfig config, BacktestConfig bt, boolean clip, String rankBy) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mode", config.backtest() == null ? "holdout" : "rolling_origin");
        s.put("windows", bt.windows());
        s.put("step", bt.step());
        s.put("cutoffs", config.backtest() == null ? "test_split" : bt.cutoffDates().isEmpty() ? bt.cutoffs().name() : "dates");
        s.put("window", bt.window().name());
        s.put("window_length", bt.windowLength());
        s.put("refit_every", refitLabel(bt.refitInterval()));
        s.put("intervals", config.predict().intervals().name());
        s.put("clip_negative", clip);
        s.put("ranked_by", rankBy);
        return s;
    }

    static String refitLabel(int interval) {
        return interval == BacktestConfig.NEVER ? "never" : Integer.toString(interval);
    }

    private static Map<String, Double> perSeries(SeriesWeights weights) {
        Map<String, Double> out = new HashMap<>(weights.weights());
        return out;
    }
}
