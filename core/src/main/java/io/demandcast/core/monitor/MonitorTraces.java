package io.demandcast.core.monitor;

import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.evaluate.ProbabilisticMetrics;
import io.demandcast.core.evaluate.report.SeriesTrace;
import io.demandcast.core.evaluate.report.WindowBand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series pictures of the monitor report: for the best, a typical and the worst series (by scaled
 * error), the actuals from one window before the rolling window on, with the forecast of each of the
 * last {@value #RUNS} logged runs drawn over them (and its interval nearest 80 %).
 */
final class MonitorTraces {
    static final int RUNS = 5;
    private static final String MODEL = "logged forecasts";

    private MonitorTraces() {
    }

    /** A logged row with the quantile levels of its run. */
    record Row(LoggedRow row, double[] levels) {
    }

    static List<SeriesTrace> of(Map<String, Double> scaledErrorBySeries, List<Row> rows, Panel actuals, int start, int end, int window) {
        List<Map.Entry<String, Double>> ranked = scaledErrorBySeries.entrySet().stream().filter(e -> Double.isFinite(e.getValue()))
                .sorted(Map.Entry.comparingByValue()).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<String, Map.Entry<String, Double>> picks = new LinkedHashMap<>();
        picks.put("best", ranked.get(0));
        picks.put("typical", ranked.get(ranked.size() / 2));
        picks.put("worst", ranked.get(ranked.size() - 1));
        List<SeriesTrace> traces = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (Map.Entry<String, Map.Entry<String, Double>> pick : picks.entrySet()) {
            String series = pick.getValue().getKey();
            if (drawn.contains(series)) {
                continue;
            }
            drawn.add(series);
            traces.add(trace(series, pick.getKey(), pick.getValue().getValue(), rows, actuals, start, end, window));
        }
        return traces;
    }

    private static SeriesTrace trace(String series, String label, double score, List<Row> rows, Panel actuals, int start, int end,
                                     int window) {
        TimeAxis axis = actuals.axis();
        int s = actuals.indexOf(series);
        // Each run's rows of this series, in date order; the last RUNS runs.
        Map<String, List<Row>> byRun = new LinkedHashMap<>();
        rows.stream().filter(r -> r.row().seriesId().equals(series))
                .sorted(Comparator.comparing((Row r) -> r.row().runTime()).thenComparing(r -> r.row().date()))
                .forEach(r -> byRun.computeIfAbsent(r.row().runTime() + "/" + r.row().version() + "/" + r.row().origin(),
                        k -> new ArrayList<>()).add(r));
        List<List<Row>> runs = new ArrayList<>(byRun.values());
        runs = runs.subList(Math.max(0, runs.size() - RUNS), runs.size());
        int from = start - window;
        int to = end;
        for (List<Row> run : runs) {
            to = Math.max(to, axis.period(run.get(run.size() - 1).row().date()));
        }
        List<LocalDate> dates = new ArrayList<>();
        double[] actual = new double[to - from + 1];
        for (int p = from; p <= to; p++) {
            dates.add(axis.date(p));
            actual[p - from] = p <= end ? SeriesValues.at(actuals, s, p) : Double.NaN;
        }
        List<WindowBand> bands = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            List<Row> run = runs.get(k);
            int first = axis.period(run.get(0).row().date());
            int n = 1;
            while (n < run.size() && axis.period(run.get(n).row().date()) == first + n) {
                n++;
            }
            double[] point = new double[n];
            for (int i = 0; i < n; i++) {
                point[i] = run.get(i).row().forecast();
            }
            ProbabilisticMetrics.CentralInterval interval = nearest80(run.get(0).levels());
            double[] lower = null;
            double[] upper = null;
            if (interval != null) {
                lower = new double[n];
                upper = new double[n];
                for (int i = 0; i < n; i++) {
                    lower[i] = run.get(i).row().quantiles()[interval.lower()];
                    upper[i] = run.get(i).row().quantiles()[interval.upper()];
                }
            }
            bands.add(new WindowBand(k + 1, first - from, point, lower, upper, interval == null ? Double.NaN : interval.nominal()));
        }
        return new SeriesTrace(series, MODEL, label, score, dates, actual, bands);
    }

    private static ProbabilisticMetrics.CentralInterval nearest80(double[] levels) {
        if (levels.length < 2) {
            return null;
        }
        return ProbabilisticMetrics.centralIntervals(levels).stream()
                .min(Comparator.comparingDouble(i -> Math.abs(i.nominal() - 0.8))).orElse(null);
    }
}
