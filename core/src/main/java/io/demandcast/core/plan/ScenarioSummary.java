package io.demandcast.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code predict --scenario} did, for the summary line and {@code --json}.
 *
 * @param file        the scenario file as given
 * @param output      the per-period CSV
 * @param totalsOutput the per-series totals CSV
 * @param scenarios   per scenario, in file order
 * @param warnings    overrides of columns the model does not read (or whose derived columns it reads), one line each
 */
public record ScenarioSummary(String file, String output, String totalsOutput, List<Entry> scenarios, List<String> warnings) {
    public ScenarioSummary {
        scenarios = List.copyOf(scenarios);
        warnings = List.copyOf(warnings);
    }

    /**
     * One scenario over every series.
     *
     * @param cellsChanged  covariate cells whose value the overrides changed
     * @param seriesChanged series whose forecast changed at some period
     * @param positive      series whose lift over the horizon is above 0
     * @param negative      series whose lift over the horizon is below 0
     * @param baseline      the baseline summed over series and horizon
     * @param lift          the lift summed over series and horizon
     * @param medianLiftPct the median over series of their lift in percent of their baseline (series with a
     *                      baseline of 0 left out); NaN when none is left
     */
    public record Entry(String name, int cellsChanged, int seriesChanged, int positive, int negative, double baseline,
                        double lift, double medianLiftPct) {

        static Entry of(String name, int[] changed, ScenarioLift.Lifts lifts) {
            int cells = 0;
            for (int c : changed) {
                cells += c;
            }
            int positive = 0;
            int negative = 0;
            int seriesChanged = 0;
            double baseline = 0;
            double lift = 0;
            List<Double> pct = new ArrayList<>();
            java.util.Set<String> moved = new java.util.HashSet<>();
            for (ScenarioLift.Row r : lifts.rows()) {
                if (r.lift() != 0) {
                    moved.add(r.seriesId());
                }
            }
            seriesChanged = moved.size();
            for (ScenarioLift.Total t : lifts.totals()) {
                positive += t.lift() > 0 ? 1 : 0;
                negative += t.lift() < 0 ? 1 : 0;
                baseline += t.baseline();
                lift += t.lift();
                if (!Double.isNaN(t.liftPct())) {
                    pct.add(t.liftPct());
                }
            }
            return new Entry(name, cells, seriesChanged, positive, negative, baseline, lift, median(pct));
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("cells_changed", cellsChanged);
            m.put("series_changed", seriesChanged);
            m.put("series_positive", positive);
            m.put("series_negative", negative);
            m.put("baseline", baseline);
            m.put("lift", lift);
            m.put("lift_pct", baseline == 0 ? null : 100 * lift / baseline);
            m.put("median_series_lift_pct", Double.isNaN(medianLiftPct) ? null : medianLiftPct);
            return m;
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** {@code scenarios price_cut_10 (+4.1 %, 900 of 913 series up) -> out.scenarios.csv}. */
    public String text() {
        List<String> parts = new ArrayList<>();
        for (Entry e : scenarios) {
            String pct = e.baseline() == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * e.lift() / e.baseline());
            parts.add(e.name() + " (" + pct + ", " + e.positive() + " series up, " + e.negative() + " down)");
        }
        return "scenarios " + String.join(", ", parts) + " -> " + output + " and " + totalsOutput;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("output", output);
        m.put("totals_output", totalsOutput);
        m.put("scenarios", scenarios.stream().map(Entry::toMap).toList());
        m.put("warnings", warnings);
        return m;
    }
}
