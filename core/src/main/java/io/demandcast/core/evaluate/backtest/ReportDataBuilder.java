package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ProbabilisticSummary.IntervalSummary;
import io.demandcast.core.evaluate.ProbabilisticSummary;
import io.demandcast.core.evaluate.report.ReportData;
import io.demandcast.core.evaluate.report.CoveragePoint;
import io.demandcast.core.evaluate.report.GateLine;
import io.demandcast.core.evaluate.report.LeaderboardRow;
import io.demandcast.core.evaluate.report.SeriesTrace;
import io.demandcast.core.evaluate.report.WindowBand;
import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.Forecast;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished {@link BacktestRun} into the plain {@link ReportData} the report writer draws:
 * the leaderboard, the charted series of the best candidate (its two best, three typical and two
 * worst series by mean RMSSE over windows), error distributions and error by step per model, and
 * interval coverage against the nominal level, and the feature importance of each model that can
 * explain itself (its model fitted on the last window).
 */
public final class ReportDataBuilder {
    private static final int BEST = 2;
    private static final int TYPICAL = 3;
    private static final int WORST = 2;

    private ReportDataBuilder() {
    }

    public static ReportData build(BacktestRun run, Panel actuals, PredictConfig.Intervals intervals) {
        Leaderboard board = run.leaderboard();
        BacktestPlan plan = run.plan();
        List<String> metricNames = new ArrayList<>(LeaderboardTable.columns(board));
        if (board.valueNames().contains("skill_mase") && !metricNames.contains("skill_mase")) {
            metricNames.add(metricNames.size() - 1, "skill_mase");
        }
        List<LeaderboardRow> rows = new ArrayList<>();
        Map<String, double[]> errorSamples = new LinkedHashMap<>();
        Map<String, double[]> errorByStep = new LinkedHashMap<>();
        Map<String, List<CoveragePoint>> coverage = new LinkedHashMap<>();
        Map<String, List<FeatureImportance>> importance = new LinkedHashMap<>();
        for (Leaderboard.Entry e : board.entries()) {
            rows.add(new LeaderboardRow(e.rank(), e.name(), e.scores().run().model().forecaster().family(), e.role().label(),
                    e.values()));
            errorSamples.put(e.name(), e.scores().rows().stream().mapToDouble(r -> r.metrics().rmsse())
                    .filter(Double::isFinite).toArray());
            errorByStep.put(e.name(), e.scores().errorByStep());
            coverage.put(e.name(), coveragePoints(e.scores().modelIntervals(), e.scores().conformalIntervals()));
            if (!e.scores().run().importance().isEmpty()) {
                importance.put(e.name(), e.scores().run().importance());
            }
        }
        Leaderboard.Entry charted = board.entries().stream().filter(e -> e.role() == BacktestModel.Role.CANDIDATE)
                .findFirst().orElse(board.entries().get(0));
        List<GateLine> gate = run.gate() == null ? List.of() : run.gate().outcomes().stream()
                .map(o -> new GateLine(o.ruleText(), o.model(), o.passed(), o.reason())).toList();
        List<String> notes = new ArrayList<>();
        for (int w = 0; w < plan.windows(); w++) {
            notes.add("Window " + (w + 1) + ": cutoff " + plan.cutoffRange(w) + ", " + plan.seriesIn(w).length + " series.");
        }
        notes.add("Errors are scored against the target as read (before outlier clipping or replacement).");
        if (run.censored() >= 0) {
            notes.add(run.censored() + " forecast period(s) were out of stock (censored demand: their sales are not demand)"
                    + " and are left out of every metric, scales and coverage included.");
        }
        if (intervals == PredictConfig.Intervals.conformal && plan.windows() == 1) {
            notes.add("Conformal intervals are calibrated on the errors of earlier windows: with one window there is"
                    + " none, so coverage is of the models' own intervals. Use backtest.windows >= 2.");
        }
        if (Boolean.TRUE.equals(run.settings().get("clip_negative"))) {
            notes.add("Point forecasts and quantiles are clipped at 0: the target has no negative value.");
        }
        notes.add("Skill = 1 - model / seasonal naive on the same windows: 0.10 means 10 % less error than seasonal naive.");
        if (run.gate() != null && run.gate().note() != null) {
            notes.add("Gate: " + run.gate().note());
        }
        return new ReportData(run.experiment(), run.createdAt(), plan.axis().frequency().label(), plan.horizon(),
                plan.windows(), String.valueOf(run.settings().get("refit_every")), intervals.name(), metricNames, rows,
                traces(charted, plan, actuals, intervals), errorSamples, errorByStep, coverage, gate, notes, importance);
    }

    private static List<CoveragePoint> coveragePoints(ProbabilisticSummary model, ProbabilisticSummary conformal) {
        List<CoveragePoint> points = new ArrayList<>();
        for (IntervalSummary i : model.intervals()) {
            double conf = Double.NaN;
            if (conformal != null) {
                for (IntervalSummary c : conformal.intervals()) {
                    if (Math.abs(c.nominal() - i.nominal()) < 1e-9) {
                        conf = c.coverage();
                    }
                }
            }
            points.add(new CoveragePoint(i.nominal(), i.coverage(), conf));
        }
        return points;
    }

    private static List<SeriesTrace> traces(Leaderboard.Entry entry, BacktestPlan plan, Panel actuals,
                                            PredictConfig.Intervals intervals) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (SeriesWindow r : entry.scores().rows()) {
            if (Double.isFinite(r.metrics().rmsse())) {
                double[] acc = sums.computeIfAbsent(r.seriesId(), k -> new double[2]);
                acc[0] += r.metrics().rmsse();
                acc[1]++;
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>();
        sums.forEach((id, acc) -> ranked.add(Map.entry(id, acc[0] / acc[1])));
        ranked.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        List<SeriesTrace> traces = new ArrayList<>();
        int n = ranked.size();
        List<Integer> picked = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < Math.min(BEST, n); i++) {
            picked.add(i);
            labels.add("best");
        }
        int mid = n / 2;
        for (int i = mid - TYPICAL / 2; i < mid - TYPICAL / 2 + TYPICAL; i++) {
            if (i >= 0 && i < n && !picked.contains(i)) {
                picked.add(i);
                labels.add("typical");
            }
        }
        for (int i = n - 1; i >= Math.max(0, n - WORST); i--) {
            if (!picked.contains(i)) {
                picked.add(i);
                labels.add("worst");
            }
        }
        for (int k = 0; k < picked.size(); k++) {
            Map.Entry<String, Double> e = ranked.get(picked.get(k));
            traces.add(trace(entry, plan, actuals, intervals, e.getKey(), labels.get(k), e.getValue()));
        }
        return traces;
    }

    private static SeriesTrace trace(Leaderboard.Entry entry, BacktestPlan plan, Panel actuals,
                                     PredictConfig.Intervals intervals, String id, String label, double score) {
        int s = plan.indexOf(id);
        int h = plan.horizon();
        int firstCutoff = Integer.MAX_VALUE;
        int lastEnd = Integer.MIN_VALUE;
        for (int w = 0; w < plan.windows(); w++) {
            if (plan.includes(w, s)) {
                firstCutoff = Math.min(firstCutoff, plan.cutoff(w, s));
                lastEnd = Math.max(lastEnd, plan.cutoff(w, s) + h);
            }
        }
        int a = actuals.indexOf(id);
        int from = Math.max(actuals.firstPeriod(a), firstCutoff - 2 * h + 1);
        int length = lastEnd - from + 1;
        List<LocalDate> dates = new ArrayList<>(length);
        double[] actual = new double[length];
        java.util.Arrays.fill(actual, Double.NaN);
        for (int p = from; p <= lastEnd; p++) {
            dates.add(plan.axis().date(p));
        }
        for (int r = actuals.rowStart(a); r < actuals.rowEnd(a); r++) {
            int p = actuals.period(r);
            if (p >= from && p <= lastEnd) {
                actual[p - from] = actuals.target(r);
            }
        }
        List<WindowBand> bands = new ArrayList<>();
        for (int w = 0; w < plan.windows(); w++) {
            if (!plan.includes(w, s)) {
                continue;
            }
            Forecast f = entry.scores().run().forecasts().get(w);
            Forecast c = entry.scores().conformalForecasts().get(w);
            Forecast shown = intervals == PredictConfig.Intervals.conformal && c != null ? c : f;
            int i = shown.seriesIds().indexOf(id);
            if (i < 0) {
                continue;
            }
            int[] pair = band(shown.levels());
            double[] lower = pair == null ? null : new double[h];
            double[] upper = pair == null ? null : new double[h];
            for (int k = 0; pair != null && k < h; k++) {
                lower[k] = shown.quantile(pair[0], i, k);
                upper[k] = shown.quantile(pair[1], i, k);
            }
            double nominal = pair == null ? Double.NaN : shown.levels()[pair[1]] - shown.levels()[pair[0]];
            bands.add(new WindowBand(w, plan.cutoff(w, s) + 1 - from, shown.points(i), lower, upper, nominal));
        }
        return new SeriesTrace(id, entry.name(), label, score, dates, actual, bands);
    }

    /** Level indices of the 80 % central interval, else of the widest one, else null. */
    private static int[] band(double[] levels) {
        int[] best = null;
        double bestNominal = -1;
        for (int lo = 0; lo < levels.length; lo++) {
            for (int hi = levels.length - 1; hi > lo; hi--) {
                if (Math.abs(levels[lo] + levels[hi] - 1) < 1e-9 && levels[lo] < 0.5) {
                    double nominal = levels[hi] - levels[lo];
                    if (Math.abs(nominal - 0.8) < 1e-9) {
                        return new int[] {lo, hi};
                    }
                    if (nominal > bestNominal) {
                        bestNominal = nominal;
                        best = new int[] {lo, hi};
                    }
                }
            }
        }
        return best;
    }
}
