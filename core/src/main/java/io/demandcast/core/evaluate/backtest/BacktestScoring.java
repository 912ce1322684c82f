package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.evaluate.ConformalCalibration;
import io.demandcast.core.evaluate.ProbabilisticMetrics;
import io.demandcast.core.evaluate.ProbabilisticScore;
import io.demandcast.core.evaluate.ProbabilisticSummary;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.evaluate.ScoreResult;
import io.demandcast.core.evaluate.Scorer;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.prepare.CensoredPeriods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Scores a {@link ModelRun} against the actuals: per series × window point metrics (through the
 * same {@link Scorer} as a single hold-out), their aggregates per window and over windows,
 * weighted and per demand class, errors by horizon step, and the probabilistic quality of the
 * model's quantiles and of conformal quantiles calibrated on earlier windows.
 *
 * <p>Conformal calibration of window {@code w} uses only errors of earlier windows whose forecast
 * period is at or before {@code w}'s cutoff for that series, so it never sees {@code w}'s actuals.
 * Scores are {@code (y − f) / scale}, {@code scale} from {@link ConformalCalibration#scaleOf},
 * pooled per step and per demand class when the class has {@value #MIN_PER_GROUP} scores.
 */
public final class BacktestScoring {
    /** Scores a demand class needs at a step for its own conformal quantiles. */
    public static final int MIN_PER_GROUP = 50;

    private final Panel actuals;
    private final BacktestPlan plan;
    private final ScoreOptions options;
    private final UnaryOperator<Forecast> adjust;
    private final Map<String, Double> fileWeights;
    private final WindowActuals values;
    private final Predicate<String> scored;
    private final PolicySimulation policies;
    private final CensoredPeriods censored;

    /**
     * @param actuals     the values scored (raw target), the plan's series in its order
     * @param options     season length, RMSSE scaling and WRMSSE weights
     * @param adjust      applied to conformal forecasts as it was to the model's (clipping at zero)
     * @param fileWeights per-series weights of the weights file, or an empty map
     */
    public BacktestScoring(Panel actuals, BacktestPlan plan, ScoreOptions options, UnaryOperator<Forecast> adjust,
                           Map<String, Double> fileWeights) {
        this(actuals, plan, options, adjust, fileWeights, id -> true);
    }

    /**
     * As {@link #BacktestScoring(Panel, BacktestPlan, ScoreOptions, UnaryOperator, Map)}, scoring only the
     * series whose id passes {@code scored} ({@code evaluate.score_series}): the models still fit on every
     * series of the plan, so a global model can learn from series that are not scored.
     */
    public BacktestScoring(Panel actuals, BacktestPlan plan, ScoreOptions options, UnaryOperator<Forecast> adjust,
                           Map<String, Double> fileWeights, Predicate<String> scored) {
        this(actuals, plan, options, adjust, fileWeights, scored, CensoredPeriods.NONE);
    }

    /**
     * As {@link #BacktestScoring(Panel, BacktestPlan, ScoreOptions, UnaryOperator, Map, Predicate)}, counting
     * the {@code censored} (out-of-stock) periods each series × window leaves out. Their actuals are NaN
     * already, so every metric skips them; this only counts them ({@link SeriesWindow#censored()},
     * {@link #censoredExcluded()}).
     */
    public BacktestScoring(Panel actuals, BacktestPlan plan, ScoreOptions options, UnaryOperator<Forecast> adjust,
                           Map<String, Double> fileWeights, Predicate<String> scored, CensoredPeriods censored) {
        this(actuals, plan, options, adjust, fileWeights, scored, censored, List.of(), null, false);
    }

    /**
     * As {@link #BacktestScoring(Panel, BacktestPlan, ScoreOptions, UnaryOperator, Map, Predicate, CensoredPeriods)},
     * also simulating inventory {@code policies} on every window ({@link PolicySimulation}).
     *
     * @param calibrationWindows earlier windows that calibrate a window's lead-time demand, null for all
     * @param roundUp            round count draws up rather than to the nearest whole number
     * @throws IllegalArgumentException when a policy's protection interval exceeds the plan's horizon
     */
    public BacktestScoring(Panel actuals, BacktestPlan plan, ScoreOptions options, UnaryOperator<Forecast> adjust,
                           Map<String, Double> fileWeights, Predicate<String> scored, CensoredPeriods censored,
                           List<io.demandcast.core.config.ServicePolicy> policies, Integer calibrationWindows, boolean roundUp) {
        this.censored = censored;
        this.scored = scored;
        this.actuals = actuals;
        this.plan = plan;
        this.options = options;
        this.adjust = adjust;
        this.fileWeights = fileWeights;
        this.values = new WindowActuals(actuals, plan, options.seasonLength());
        this.policies = new PolicySimulation(plan, values, policies, calibrationWindows, scored, roundUp);
    }

    /** The policy simulation of this scoring (for the report's charts of example series). */
    PolicySimulation policies() {
        return policies;
    }

    /** Everything measured about one model's run. */
    public ModelScores score(ModelRun run) {
        int windows = plan.windows();
        int h = plan.horizon();
        Scorer scorer = new Scorer(options);
        List<ScoreResult> byWindow = new ArrayList<>();
        List<SeriesWindow> rows = new ArrayList<>();
        double[] stepSum = new double[h];
        long[] stepCount = new long[h];
        List<Forecast> conformal = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            Forecast f = run.forecasts().get(w).select(scored);
            ScoreResult result = scorer.score(f, actuals, actuals);
            byWindow.add(result);
            Forecast calibrated = conformalForecast(run, w);
            conformal.add(calibrated);
            double[] levels = f.levels();
            for (int i = 0; i < f.seriesCount(); i++) {
                int s = plan.indexOf(f.seriesId(i));
                WindowActuals.Context c = values.context(w, s);
                double[] y = c.y();
                double[] point = f.points(i);
                double scale = c.maseScale();
                for (int k = 0; k < h; k++) {
                    if (!Double.isNaN(y[k]) && scale > 0) {
                        stepSum[k] += Math.abs(y[k] - point[k]) / scale;
                        stepCount[k]++;
                    }
                }
                ProbabilisticScore model = levels.length == 0 ? null
                        : ProbabilisticMetrics.score(y, quantiles(f, i), levels, scale);
                ProbabilisticScore conf = calibrated == null ? null
                        : ProbabilisticMetrics.score(y, quantiles(calibrated, i), levels, scale);
                rows.add(new SeriesWindow(w, f.seriesId(i), c.demandClass(), c.volume(), scale,
                        result.perSeries().get(i), model, conf, censoredIn(w, s)));
            }
        }
        double[] errorByStep = new double[h];
        for (int k = 0; k < h; k++) {
            errorByStep[k] = stepCount[k] == 0 ? Double.NaN : stepSum[k] / stepCount[k];
        }
        ProbabilisticSummary modelIntervals = ProbabilisticSummary.of(rows.stream().map(SeriesWindow::model)
                .filter(java.util.Objects::nonNull).toList());
        List<ProbabilisticScore> conformalScores = rows.stream().map(SeriesWindow::conformal).filter(java.util.Objects::nonNull).toList();
        ProbabilisticSummary conformalIntervals = conformalScores.isEmpty() ? null : ProbabilisticSummary.of(conformalScores);

        List<ProbabilisticSummary> intervalsByWindow = new ArrayList<>();
        List<ProbabilisticSummary> conformalByWindow = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            int window = w;
            intervalsByWindow.add(ProbabilisticSummary.of(rows.stream().filter(r -> r.window() == window)
                    .map(SeriesWindow::model).filter(java.util.Objects::nonNull).toList()));
            List<ProbabilisticScore> c = rows.stream().filter(r -> r.window() == window)
                    .map(SeriesWindow::conformal).filter(java.util.Objects::nonNull).toList();
            conformalByWindow.add(c.isEmpty() ? null : ProbabilisticSummary.of(c));
        }
        Map<String, Double> overall = new LinkedHashMap<>();
        for (String metric : MetricNames.POINT) {
            overall.put(metric, meanOverWindows(byWindow, metric));
        }
        if (options.weights() != null) {
            overall.put("wrmsse", meanOverWindows(byWindow, "wrmsse"));
        }
        MetricNames.putProbabilistic(overall, modelIntervals, "");
        if (conformalIntervals != null) {
            MetricNames.putProbabilistic(overall, conformalIntervals, "_conformal");
        }
        if (windows > 1) {
            MetricNames.putCoverage(overall, intervalsByWindow.get(windows - 1), "_last");
            if (conformalByWindow.get(windows - 1) != null) {
                MetricNames.putCoverage(overall, conformalByWindow.get(windows - 1), "_conformal_last");
            }
        }
        Map<String, Double> volumeWeighted = weighted(rows, SeriesWindow::volume);
        Map<String, Double> fileWeighted = fileWeights.isEmpty() ? Map.of()
                : weighted(rows, r -> fileWeights.getOrDefault(r.seriesId(), 0.0));
        Map<String, Map<String, Double>> byClass = new LinkedHashMap<>();
        rows.stream().map(SeriesWindow::demandClass).distinct().sorted().forEach(c ->
                byClass.put(c, weighted(rows.stream().filter(r -> r.demandClass().equals(c)).toList(), r -> 1.0)));
        return new ModelScores(run, byWindow, rows, overall, volumeWeighted, fileWeighted, byClass, errorByStep,
                modelIntervals, conformalIntervals, conformal, intervalsByWindow, conformalByWindow, policies.simulate(run));
    }

    /**
     * Censored periods in the forecast ranges of every scored series of every window: the periods the
     * metrics left out for lack of stock (0 without a stock column).
     */
    public long censoredExcluded() {
        long n = 0;
        for (int w = 0; w < plan.windows(); w++) {
            for (int s : plan.seriesIn(w)) {
                if (scored.test(plan.seriesId(s))) {
                    n += censoredIn(w, s);
                }
            }
        }
        return n;
    }

    /** Censored periods of plan series {@code s} over window {@code w}'s horizon. */
    private int censoredIn(int w, int s) {
        if (!plan.includes(w, s)) {
            return 0;
        }
        int cutoff = plan.cutoff(w, s);
        return censored.count(plan.seriesId(s), cutoff + 1, cutoff + plan.horizon());
    }

    /** Window {@code w}'s forecast with conformal quantiles from earlier windows, or null without calibration. */
    private Forecast conformalForecast(ModelRun run, int w) {
        Forecast target = run.forecasts().get(w).select(scored);
        double[] levels = target.levels();
        if (w == 0 || levels.length == 0) {
            return null;
        }
        ConformalCalibration.Builder builder = ConformalCalibration.builder(plan.horizon());
        int added = 0;
        for (int j = 0; j < w; j++) {
            added += values.addScores(builder, run.forecasts().get(j).select(scored), j, s -> plan.includes(w, s) ? plan.cutoff(w, s) : BacktestPlan.LEFT_OUT);
        }
        if (added == 0) {
            return null;
        }
        ConformalCalibration calibration = builder.build(levels, MIN_PER_GROUP);
        double[] scales = new double[target.seriesCount()];
        String[] groups = new String[target.seriesCount()];
        for (int i = 0; i < target.seriesCount(); i++) {
            int s = plan.indexOf(target.seriesId(i));
            scales[i] = values.context(w, s).conformalScale();
            groups[i] = values.context(w, s).demandClass();
        }
        return adjust.apply(calibration.apply(target, scales, groups));
    }

    private static double[][] quantiles(Forecast f, int series) {
        double[][] q = new double[f.levels().length][f.horizon()];
        for (int l = 0; l < q.length; l++) {
            for (int k = 0; k < f.horizon(); k++) {
                q[l][k] = f.quantile(l, series, k);
            }
        }
        return q;
    }

    private static double meanOverWindows(List<ScoreResult> byWindow, String metric) {
        double sum = 0;
        int n = 0;
        for (ScoreResult r : byWindow) {
            double v = MetricNames.of(r.aggregate(), metric);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Weighted means of the per-series metrics over rows (rows where a metric is undefined are left out of it). */
    private static Map<String, Double> weighted(List<SeriesWindow> rows, ToDoubleFunction<SeriesWindow> weight) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String metric : MetricNames.PER_SERIES) {
            double sum = 0;
            double total = 0;
            for (SeriesWindow r : rows) {
                double v = MetricNames.of(r.metrics(), metric);
                double wgt = weight.applyAsDouble(r);
                if (Double.isFinite(v) && wgt > 0) {
                    sum += wgt * v;
                    total += wgt;
                }
            }
            out.put(metric, total == 0 ? Double.NaN : sum / total);
        }
        out.put("series_windows", (double) rows.size());
        return out;
    }
}
