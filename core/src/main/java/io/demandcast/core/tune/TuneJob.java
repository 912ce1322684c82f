package io.demandcast.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.DemandcastException;
import io.demandcast.core.Progress;
import io.demandcast.core.Sha256;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.ModelConfig;
import io.demandcast.core.config.TuneConfig;
import io.demandcast.core.config.TuneSpaceEntry;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.evaluate.NonNegative;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.evaluate.SeriesWeights;
import io.demandcast.core.evaluate.SeriesWeightsCsv;
import io.demandcast.core.evaluate.backtest.BacktestEngine;
import io.demandcast.core.evaluate.backtest.BacktestJob;
import io.demandcast.core.evaluate.backtest.BacktestModel;
import io.demandcast.core.evaluate.backtest.BacktestModels;
import io.demandcast.core.evaluate.backtest.BacktestPlan;
import io.demandcast.core.evaluate.backtest.BacktestScoring;
import io.demandcast.core.evaluate.backtest.ModelRun;
import io.demandcast.core.evaluate.backtest.ModelScores;
import io.demandcast.core.evaluate.backtest.ScoredSeries;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.TrainJob;
import io.demandcast.core.model.TrainSummary;
import io.demandcast.core.model.stat.combine.CombinationFamily;
import io.demandcast.core.model.stat.combine.CombinationRule;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import io.demandcast.core.model.ModelColumns;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.data.PreparedDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The {@code tune} verb: candidates drawn from {@code tune.space}, each scored by the rolling-origin
 * backtest of {@code evaluate} ({@link BacktestEngine}, {@link BacktestScoring}) on the experiment's
 * {@code backtest:} windows (default 3), with successive halving over windows, {@code parallel}
 * candidates at a time, a candidate and a time budget; then inverse-error-weighted and plain-mean
 * combinations of the best complete candidates, built from their backtest forecasts; the winner is
 * refitted on {@code train.fit_on} rows and published like {@code train} does, its manifest
 * recording the search. The leaderboard is rewritten after every candidate.
 */
public final class TuneJob {
    /** Windows of the backtest when the experiment has no {@code backtest:} section. */
    public static final int DEFAULT_WINDOWS = 3;

    private TuneJob() {
    }

    /** Where the leaderboard goes: {@code tune.output}, else {@code build/tune/<name>}. */
    public static Path outputDirectory(ExperimentConfig config) {
        String out = config.tune() == null ? null : config.tune().output();
        return out == null ? Path.of("build", "tune", config.name()) : Path.of(out);
    }

    public static TuneSummary run(ExperimentConfig config, Progress progress, TuneLive live) throws IOException {
        return run(config, ModelRegistry.standard(), progress, live, System::nanoTime);
    }

    /**
     * @param clock nanosecond clock the time budget is measured with ({@code System::nanoTime})
     * @throws InvalidConfigException when there is no {@code tune} section or a candidate cannot be built
     */
    public static TuneSummary run(ExperimentConfig config, ModelRegistry registry, Progress progress, TuneLive live,
                                  LongSupplier clock) throws IOException {
        TuneConfig tune = config.tune();
        if (tune == null) {
            throw new InvalidConfigException("tune: the config has no tune section; add one, e.g. tune: {space: [{family: ses}, {family: theta}]}");
        }
        long start = clock.getAsLong();
        Duration budget = tune.timeBudgetDuration();
        long deadline = budget == null ? Long.MAX_VALUE : start + budget.toNanos();
        try {
            return new Search(config, tune, registry, progress, live, clock, start, deadline).run();
        } finally {
            live.finish();
        }
    }

    /** One search: its data, plan and scorings, and the results so far. */
    private static final class Search {
        final ExperimentConfig config;
        final TuneConfig tune;
        final ModelRegistry registry;
        final Progress progress;
        final TuneLive live;
        final LongSupplier clock;
        final long start;
        final long deadline;
        final Path output;
        final Map<String, CandidateResult> results = new LinkedHashMap<>();
        final Map<String, ModelRun> runs = new ConcurrentHashMap<>();
        final List<String> notes = new ArrayList<>();

        PreparedSplits data;
        Panel panel;
        Panel actuals;
        BacktestPlan plan;
        int refitInterval;
        double[] levels;
        UnaryOperator<Forecast> adjust;
        ScoreOptions options;
        Map<String, Double> fileWeights = Map.of();
        /** The series the metrics cover ({@code evaluate.score_series}); every candidate fits on all. */
        Predicate<String> scoredSeries = id -> true;
        String metric;
        List<String> columns;
        ModelContext context;
        List<String> pastOnly;
        List<Integer> rungs;
        final Map<Integer, BacktestScoring> scorings = new HashMap<>();
        final Map<Integer, ModelScores> baselineScores = new HashMap<>();
        ModelRun baselineRun;
        String generation;
        /** One step per candidate scored on a rung: the bar of the one progress display. */
        volatile Progress.Task task = Progress.Task.NONE;

        Search(ExperimentConfig config, TuneConfig tune, ModelRegistry registry, Progress progress, TuneLive live, LongSupplier clock,
               long start, long deadline) {
            this.config = config;
            this.tune = tune;
            this.registry = registry;
            this.progress = progress;
            this.live = live;
            this.clock = clock;
            this.start = start;
            this.deadline = deadline;
            this.output = outputDirectory(config);
        }

        TuneSummary run() throws IOException {
            setUp();
            CandidateGenerator.Generated generated = CandidateGenerator.generate(tune);
            generation = generated.note();
            notes.add("candidates: " + generation);
            List<BacktestModel> models = new ArrayList<>();
            for (Candidate c : generated.candidates()) {
                Forecaster f = ModelFactory.create(registry, c.family(), c.params(), context, "tune.space[" + c.entry() + "] (" + c.id() + ")");
                models.add(new BacktestModel(c.id(), BacktestModel.Role.CANDIDATE, f, "tune"));
            }
            live.started(output.resolve(TuneFiles.LEADERBOARD_CSV));
            write();
            progress.report(String.format(Locale.ROOT, "tune: %d candidates x %d window(s) x %d series, horizon %d, ranked by %s, "
                            + "halving %s, %d at a time%s", models.size(), plan.windows(), plan.seriesCount(), plan.horizon(), metric,
                    rungs.size() > 1 ? "over " + rungs + " windows" : "off", tune.parallel(),
                    tune.timeBudget() == null ? "" : ", time budget " + tune.timeBudget()));
            baselineRun = BacktestEngine.run(new BacktestModel(BacktestModels.BASELINE, BacktestModel.Role.BASELINE,
                    ModelFactory.create(registry, BacktestModels.BASELINE, JsonNodeFactory.instance.objectNode(), context, "baseline"),
                    "baseline"), panel, plan, refitInterval, levels, adjust, Progress.NONE, pastOnly);

            List<Candidate> candidates = generated.candidates();
            Map<String, BacktestModel> byId = new HashMap<>();
            models.forEach(m -> byId.put(m.name(), m));
            List<Candidate> active = candidates;
            int notStarted = 0;
            ExecutorService pool = Executors.newFixedThreadPool(tune.parallel(), r -> {
                Thread t = new Thread(r, "tune");
                t.setDaemon(true);
                return t;
            });
            long steps = 0;
            for (int r = 0, n = models.size(); r < rungs.size(); r++, n = Halving.survivors(n, tune.halvingRule().eta())) {
                steps += n;
            }
            task = progress.task("tune " + config.name(), steps);
            try {
                for (int r = 0; r < rungs.size() && !active.isEmpty(); r++) {
                    int rung = r;
                    List<Future<CandidateResult>> futures = new ArrayList<>();
                    for (Candidate c : active) {
                        futures.add(pool.submit(() -> runRung(c, byId.get(c.id()), rung)));
                    }
                    List<CandidateResult> scored = new ArrayList<>();
                    List<Candidate> unrun = new ArrayList<>();
                    for (int i = 0; i < futures.size(); i++) {
                        CandidateResult result = await(futures.get(i));
                        if (result == null) {
                            unrun.add(active.get(i));
                        } else if (!result.status().equals("failed")) {
                            scored.add(result);
                        }
                    }
                    if (!unrun.isEmpty()) {
                        if (r == 0) {
                            notStarted = unrun.size();
                            notes.add("time budget " + tune.timeBudget() + " reached: " + notStarted + " of " + candidates.size()
                                    + " candidates not started");
                        } else {
                            synchronized (results) {
                                for (Candidate c : unrun) {
                                    results.put(c.id(), results.get(c.id()).withStatus("stopped@" + (rung - 1)));
                                }
                            }
                            notes.add("time budget " + tune.timeBudget() + " reached at rung " + r + ": " + unrun.size()
                                    + " candidate(s) kept the scores of their first " + rungs.get(r - 1) + " window(s)");
                        }
                    }
                    if (r == rungs.size() - 1) {
                        break;
                    }
                    List<CandidateResult> promoted = Halving.promote(scored, tune.halvingRule().eta());
                    List<String> ids = promoted.stream().map(p -> p.candidate().id()).toList();
                    synchronized (results) {
                        for (CandidateResult s : scored) {
                            if (!ids.contains(s.candidate().id())) {
                                results.put(s.candidate().id(), s.withStatus("dropped@" + rung));
                                runs.remove(s.candidate().id());
                            }
                        }
                    }
                    write();
                    active = promoted.stream().map(CandidateResult::candidate).toList();
                }
            } finally {
                pool.shutdownNow();
                task.close();
            }
            if (results.values().stream().allMatch(r -> r.status().equals("failed"))) {
                String first = results.values().stream().map(CandidateResult::note).findFirst().orElse("no candidate was run");
                write();
                throw new DemandcastException("every candidate failed; the first: " + first);
            }
            ensembles();
            write();
            List<CandidateResult> ranked = ranked();
            CandidateResult best = ranked.get(0);
            TrainSummary published = publish(best, ranked);
            write();
            double seconds = (clock.getAsLong() - start) / 1e9;
            return new TuneSummary(config.name(), output, metric, plan.windows(), ranked, notes, published, seconds);
        }

        /**
         * The prepared columns the candidates (and the seasonal-naive baseline) read, decided from the
         * candidates built on the manifest's frequency before the panel is read (the horizon does not
         * change which columns a family reads): the target only when every candidate is a per-series
         * method. Every column when a candidate cannot be built here: the build after setUp reports it.
         */
        private PanelColumns columnsRead(PreparedDataset dataset) {
            Frequency frequency = dataset.manifest().axis().frequency();
            int season = config.data().seasonLength() != null ? config.data().seasonLength() : frequency.defaultSeasonLength();
            ModelContext provisional = new ModelContext(frequency, season, season, dataset.manifest().columns().pastOnly());
            try {
                List<Forecaster> forecasters = new ArrayList<>();
                for (Candidate c : CandidateGenerator.generate(tune).candidates()) {
                    forecasters.add(ModelFactory.create(registry, c.family(), c.params(), provisional, c.id()));
                }
                return ModelColumns.of(forecasters);
            } catch (RuntimeException e) {
                return PanelColumns.ALL;
            }
        }

        void setUp() throws IOException {
            PreparedDataset dataset = PreparedSplits.dataset(PrepareJob.outputDirectory(config));
            PanelColumns read = columnsRead(dataset);
            data = PreparedSplits.read(dataset, read);
            String loaded = ModelColumns.describe(read, dataset.manifest());
            if (loaded != null) {
                progress.report("tune: " + loaded);
            }
            panel = data.all();
            actuals = data.actuals();
            int season = config.data().seasonLength() != null ? config.data().seasonLength() : panel.frequency().defaultSeasonLength();
            ExperimentConfig withWindows = config.backtest() != null ? config
                    : config.withBacktest(new BacktestConfig(null, DEFAULT_WINDOWS, null, null, null, null, null, null, null));
            plan = BacktestJob.plan(withWindows, data, panel, actuals, season);
            scoredSeries = ScoredSeries.of(config, panel);
            refitInterval = withWindows.backtest().refitInterval();
            pastOnly = data.pastOnly();
            context = new ModelContext(panel.frequency(), season, plan.horizon(), pastOnly).withQuantileLevels(config.predict().levels());
            levels = config.predict().levels();
            adjust = ForecastCalibration.clipsAtZero(config.predict().clipNegative(), panel) ? NonNegative::clipAtZero : UnaryOperator.identity();
            options = ScoreOptions.of(season);
            if (config.evaluate().weights() != null) {
                SeriesWeights weights = SeriesWeightsCsv.read(Path.of(config.evaluate().weights()), config.evaluate().weightColumn());
                options = options.withWeights(weights);
                fileWeights = new HashMap<>(weights.weights());
            }
            metric = tune.metric() != null ? tune.metric() : options.weights() != null ? "wrmsse" : "rmsse";
            columns = new ArrayList<>();
            for (String c : List.of("rmsse", "wrmsse", "mase", "smape", "wape", "mae", "crps_scaled", "coverage_80")) {
                if (!c.equals(metric) && (!c.equals("wrmsse") || options.weights() != null)) {
                    columns.add(c);
                }
            }
            columns.add("skill_" + metric);
            rungs = Halving.rungs(tune.halvingRule(), plan.windows());
        }

        /** Scores a candidate on the windows rung {@code r} adds; null when the time budget forbids starting it. */
        CandidateResult runRung(Candidate c, BacktestModel model, int r) {
            if (clock.getAsLong() >= deadline) {
                return null;
            }
            int from = r == 0 ? 0 : rungs.get(r - 1);
            int to = rungs.get(r);
            CandidateResult result;
            try {
                ModelRun run;
                ModelRun earlier = runs.get(c.id());
                if (refitInterval == 1 && earlier != null) {
                    // Windows refit independently: run only the windows this rung adds.
                    run = concat(earlier, BacktestEngine.run(model, panel, plan.windows(from, to), 1, levels, adjust, Progress.NONE, pastOnly));
                } else {
                    // Updates between refits depend on earlier windows: run the first `to` windows again.
                    run = BacktestEngine.run(model, panel, plan.windows(0, to), refitInterval, levels, adjust, Progress.NONE, pastOnly);
                }
                runs.put(c.id(), run);
                result = scored(c, run, r == rungs.size() - 1 ? "complete" : "running@" + r);
            } catch (RuntimeException e) {
                runs.remove(c.id());
                result = CandidateResult.failed(c, String.valueOf(e.getMessage()), 0);
            }
            synchronized (results) {
                boolean first = !results.containsKey(c.id());
                results.put(c.id(), result);
                if (first) {
                    live.scoredOne();
                }
            }
            writeUnchecked();
            task.step();
            progress.report(String.format(Locale.ROOT, "tune: %s %s %s: %s", c.id(), c.family(), c.paramsJson(),
                    result.status().equals("failed") ? "failed: " + result.note()
                            : metric + " " + TuneFiles.readable(result.score()) + " on " + result.windows() + " window(s) in "
                            + String.format(Locale.ROOT, "%.1f s", result.fitSeconds())));
            return result;
        }

        /** The result of a run over the first windows of the plan. */
        CandidateResult scored(Candidate c, ModelRun run, String status) {
            int k = run.forecasts().size();
            ModelScores s = scoring(k).score(run);
            ModelScores base = baseline(k);
            Map<String, Double> values = new LinkedHashMap<>();
            for (String col : columns) {
                if (col.startsWith("skill_")) {
                    double own = s.metric(metric);
                    double ref = base.metric(metric);
                    values.put(col, Double.isFinite(own) && ref > 0 ? 1 - own / ref : Double.NaN);
                } else {
                    values.put(col, s.metric(col));
                }
            }
            double[] perWindow = new double[k];
            for (int w = 0; w < k; w++) {
                perWindow[w] = s.windowValue(w, metric);
            }
            return new CandidateResult(c, status, "", k, s.metric(metric), values, perWindow, run.wallSeconds());
        }

        synchronized BacktestScoring scoring(int windows) {
            return scorings.computeIfAbsent(windows, k -> new BacktestScoring(actuals, plan.windows(0, k), options, adjust, fileWeights, scoredSeries,
                    data.censored()));
        }

        synchronized ModelScores baseline(int windows) {
            return baselineScores.computeIfAbsent(windows, k -> scoring(k).score(first(baselineRun, k)));
        }

        /**
         * The inverse-error weighted combination of the best {@code ensemble.top_k} complete candidates
         * and their plain mean (its baseline), scored on the same windows from the members' runs.
         */
        void ensembles() {
            int topK = tune.ensemble().topK();
            List<CandidateResult> complete = ranked().stream().filter(r -> r.status().equals("complete") && r.candidate().entry() >= 0).toList();
            int perFamily = tune.ensemble().perFamily();
            if (perFamily > 0) {
                Map<String, Integer> taken = new HashMap<>();
                complete = complete.stream().filter(r -> taken.merge(r.candidate().family(), 1, Integer::sum) <= perFamily).toList();
            }
            int k = Math.min(topK, complete.size());
            if (k < 2) {
                if (topK >= 2) {
                    notes.add("ensembles skipped: " + complete.size() + " complete candidate(s), 2 needed");
                }
                return;
            }
            List<CandidateResult> members = complete.subList(0, k);
            double[] errors = members.stream().mapToDouble(CandidateResult::score).toArray();
            double[] weights;
            try {
                weights = EnsembleWeights.inverseError(errors);
            } catch (IllegalArgumentException e) {
                notes.add("ensembles skipped: " + e.getMessage());
                return;
            }
            ArrayNode specs = JsonNodeFactory.instance.arrayNode();
            for (CandidateResult m : members) {
                ObjectNode one = specs.addObject();
                one.put("family", m.candidate().family());
                one.set("params", m.candidate().params());
            }
            ObjectNode weighted = JsonNodeFactory.instance.objectNode();
            weighted.set("members", specs.deepCopy());
            ArrayNode w = weighted.putArray("weights");
            for (double x : weights) {
                w.add(ParamRounding.round(x));
            }
            ObjectNode mean = JsonNodeFactory.instance.objectNode();
            mean.set("members", specs.deepCopy());
            mean.put("method", "mean");
            List<ModelRun> memberRuns = members.stream().map(m -> runs.get(m.candidate().id())).toList();
            int n = 0;
            for (ObjectNode params : List.of(weighted, mean)) {
                n++;
                Candidate c = new Candidate("e" + n, "combination", params, -1);
                Forecaster f;
                try {
                    f = ModelFactory.create(registry, c.family(), params, context, "tune.ensemble");
                } catch (InvalidConfigException e) {
                    notes.add("ensembles skipped: the best candidates cannot be combined (" + e.getMessage() + ")");
                    return;
                }
                CombinationRule rule = CombinationFamily.rule(f);
                BacktestModel model = new BacktestModel(c.id(), BacktestModel.Role.CANDIDATE, f, "tune");
                ModelRun run = BacktestEngine.combine(model, memberRuns, rule, adjust);
                runs.put(c.id(), run);
                CandidateResult result = scored(c, run, "complete");
                synchronized (results) {
                    results.put(c.id(), result);
                    live.scoredOne();
                }
                progress.report(String.format(Locale.ROOT, "tune: %s %s of %s: %s %s", c.id(), n == 1 ? "inverse-error weighted" : "mean",
                        members.stream().map(m -> m.candidate().id()).toList(), metric, TuneFiles.readable(result.score())));
            }
        }

        TrainSummary publish(CandidateResult best, List<CandidateResult> ranked) throws IOException {
            String name = tune.modelName() != null ? tune.modelName() : config.name() + "-tuned";
            progress.report("tune: refitting " + best.candidate().id() + " (" + best.candidate().family() + ") on "
                    + config.train().fitOn() + " rows and publishing it as " + name);
            ExperimentConfig chosen = config.withModel(new ModelConfig(name, best.candidate().family(), best.candidate().params()));
            write();
            Path leaderboard = output.resolve(TuneFiles.LEADERBOARD_CSV);
            ObjectNode search = JsonNodeFactory.instance.objectNode();
            JsonNode space = spaceJson();
            search.set("space", space);
            search.put("space_sha256", Sha256.text(space.toString()));
            search.put("search", tune.search().name());
            search.put("seed", tune.seed());
            search.put("metric", metric);
            search.put("windows", plan.windows());
            search.put("candidates_scored", ranked.size());
            search.put("best_candidate", best.candidate().id());
            search.put("best_score", best.score());
            search.put("leaderboard", leaderboard.toString());
            search.put("leaderboard_sha256", Sha256.file(leaderboard));
            return TrainJob.publish(chosen, registry, search, progress);
        }

        JsonNode spaceJson() {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            for (TuneSpaceEntry e : tune.space()) {
                ObjectNode one = arr.addObject();
                one.put("family", e.family());
                ObjectNode params = one.putObject("params");
                e.params().forEach((k, d) -> params.set(k, d.spec()));
            }
            return arr;
        }

        List<CandidateResult> ranked() {
            synchronized (results) {
                return TuneFiles.ranked(new ArrayList<>(results.values()));
            }
        }

        void write() throws IOException {
            synchronized (results) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", config.name());
                s.put("search", tune.search().name());
                s.put("seed", tune.seed());
                s.put("metric", metric);
                s.put("windows", plan.windows());
                s.put("horizon", plan.horizon());
                s.put("halving_rungs", rungs);
                s.put("candidate_budget", tune.candidateBudget());
                s.put("time_budget", tune.timeBudget());
                s.put("generated", generation);
                s.put("space", spaceJson());
                Map<String, Long> counts = new LinkedHashMap<>();
                results.values().forEach(r -> counts.merge(r.status().replaceFirst("@.*", ""), 1L, Long::sum));
                s.put("counts", counts);
                s.put("notes", notes);
                TuneFiles.write(output, "tune leaderboard: " + config.name() + " (" + metric + ", lower is better)", ranked(), metric,
                        columns, plan.windows(), s);
            }
        }

        void writeUnchecked() {
            try {
                write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static ModelRun concat(ModelRun a, ModelRun b) {
            List<Forecast> forecasts = new ArrayList<>(a.forecasts());
            forecasts.addAll(b.forecasts());
            List<Forecast> raw = new ArrayList<>(a.raw());
            raw.addAll(b.raw());
            List<Boolean> refitted = new ArrayList<>(a.refitted());
            refitted.addAll(b.refitted());
            return new ModelRun(a.model(), forecasts, raw, refitted, a.wallSeconds() + b.wallSeconds());
        }

        static ModelRun first(ModelRun run, int windows) {
            return new ModelRun(run.model(), run.forecasts().subList(0, windows), run.raw().subList(0, windows),
                    run.refitted().subList(0, windows), run.wallSeconds());
        }

        static CandidateResult await(Future<CandidateResult> f) throws IOException {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("tune interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Rounding of derived real parameters (ensemble weights) for readable manifests. */
    private static final class ParamRounding {
        static double round(double v) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
        }
    }
}
