package io.demandcast.core.evaluate.report;

import io.demandcast.core.model.FeatureImportance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a backtest report shows. The backtest fills it; {@link ReportWriter} renders it.
 *
 * <p>Lists and maps are copied into unmodifiable ones that keep the given order; arrays are not
 * copied (the backtest and the writer both treat them as read-only).
 *
 * @param experiment  the experiment's name
 * @param createdAt   when the backtest ran, as ISO-8601 text; shown as given
 * @param frequency   the data's frequency, e.g. {@code daily}
 * @param horizon     periods forecast per window (h), at least 1
 * @param windows     number of backtest windows, at least 1
 * @param refitEvery  how often models were refit, e.g. {@code every window} or {@code 2 windows}
 * @param intervals   where prediction intervals came from: {@code model} or {@code conformal}
 * @param metricNames the leaderboard's metric columns in display order, e.g. {@code rmsse, wrmsse,
 *                    mase, smape, coverage_80, crps, skill_rmsse, fit_seconds}; unique
 * @param leaderboard one row per model, best first; model names unique
 * @param traces      series pictures to draw (the writer draws at most {@link ReportWriter#MAX_TRACES})
 * @param errorSamples model to its scaled errors, one per series and window (e.g. RMSSE values);
 *                    NaN entries are skipped
 * @param errorByStep model to its mean scaled absolute error at forecast step 1..h (index 0 = step 1)
 * @param coverage    model to its coverage points, ascending by nominal level
 * @param gate        gate outcomes, one per rule and model; empty when no gate was configured
 * @param notes       free-text remarks shown at the end (skipped series, fallbacks, warnings)
 * @param importance  model to the feature importance of its model fitted on the last backtest window,
 *                    most important first; only models that can explain themselves (empty: none)
 * @param sections    further sections computed beside the leaderboard (e.g. price elasticities), in order
 * @param policies    outcomes of the inventory policies simulated on the backtest (empty: none)
 * @param levelFans   example series' cumulative forecast fans with their order-up-to levels (empty: none)
 */
public record ReportData(String experiment, String createdAt, String frequency, int horizon, int windows,
                         String refitEvery, String intervals, List<String> metricNames,
                         List<LeaderboardRow> leaderboard, List<SeriesTrace> traces,
                         Map<String, double[]> errorSamples, Map<String, double[]> errorByStep,
                         Map<String, List<CoveragePoint>> coverage, List<GateLine> gate, List<String> notes,
                         Map<String, List<FeatureImportance>> importance, List<ReportSection> sections,
                         List<PolicyRow> policies, List<LevelFan> levelFans) {

    /**
     * @throws IllegalArgumentException when horizon or windows are below 1, a metric name or a model
     *                                  repeats, or a text field is null
     */
    public ReportData {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(refitEvery, "refitEvery");
        Objects.requireNonNull(intervals, "intervals");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 (got " + horizon + ")");
        }
        if (windows < 1) {
            throw new IllegalArgumentException("windows must be >= 1 (got " + windows + ")");
        }
        metricNames = List.copyOf(metricNames);
        requireUnique(metricNames, "metric name");
        leaderboard = List.copyOf(leaderboard);
        requireUnique(leaderboard.stream().map(LeaderboardRow::model).toList(), "leaderboard model");
        traces = List.copyOf(traces);
        errorSamples = orderedCopy(errorSamples, "errorSamples");
        errorByStep = orderedCopy(errorByStep, "errorByStep");
        Map<String, List<CoveragePoint>> points = new LinkedHashMap<>();
        Objects.requireNonNull(coverage, "coverage").forEach((model, list) -> points.put(model, List.copyOf(list)));
        coverage = Collections.unmodifiableMap(points);
        gate = List.copyOf(gate);
        notes = List.copyOf(notes);
        Map<String, List<FeatureImportance>> shares = new LinkedHashMap<>();
        Objects.requireNonNull(importance, "importance").forEach((model, list) -> shares.put(model, List.copyOf(list)));
        importance = Collections.unmodifiableMap(shares);
        sections = List.copyOf(sections);
        policies = policies == null ? List.of() : List.copyOf(policies);
        levelFans = levelFans == null ? List.of() : List.copyOf(levelFans);
    }

    /** A report without further sections or policy outcomes. */
    public ReportData(String experiment, String createdAt, String frequency, int horizon, int windows,
                      String refitEvery, String intervals, List<String> metricNames,
                      List<LeaderboardRow> leaderboard, List<SeriesTrace> traces,
                      Map<String, double[]> errorSamples, Map<String, double[]> errorByStep,
                      Map<String, List<CoveragePoint>> coverage, List<GateLine> gate, List<String> notes,
                      Map<String, List<FeatureImportance>> importance) {
        this(experiment, createdAt, frequency, horizon, windows, refitEvery, intervals, metricNames, leaderboard, traces,
                errorSamples, errorByStep, coverage, gate, notes, importance, List.of(), List.of(), List.of());
    }

    /** The same report with {@code more} sections after its own. */
    public ReportData withSections(List<ReportSection> more) {
        List<ReportSection> all = new ArrayList<>(sections);
        all.addAll(more);
        return new ReportData(experiment, createdAt, frequency, horizon, windows, refitEvery, intervals, metricNames, leaderboard,
                traces, errorSamples, errorByStep, coverage, gate, notes, importance, all, policies, levelFans);
    }

    /** The same report with these policy outcomes and level charts. */
    public ReportData withServiceLevels(List<PolicyRow> newPolicies, List<LevelFan> newFans) {
        return new ReportData(experiment, createdAt, frequency, horizon, windows, refitEvery, intervals, metricNames, leaderboard,
                traces, errorSamples, errorByStep, coverage, gate, notes, importance, sections, newPolicies, newFans);
    }

    /** A report without feature importance. */
    public ReportData(String experiment, String createdAt, String frequency, int horizon, int windows,
                      String refitEvery, String intervals, List<String> metricNames,
                      List<LeaderboardRow> leaderboard, List<SeriesTrace> traces,
                      Map<String, double[]> errorSamples, Map<String, double[]> errorByStep,
                      Map<String, List<CoveragePoint>> coverage, List<GateLine> gate, List<String> notes) {
        this(experiment, createdAt, frequency, horizon, windows, refitEvery, intervals, metricNames, leaderboard, traces,
                errorSamples, errorByStep, coverage, gate, notes, Map.of());
    }

    /**
     * The models to show in charts: the leaderboard's, best first, followed by any other model that
     * has chart data, in the order the maps give them.
     */
    public List<String> modelOrder() {
        List<String> order = new ArrayList<>();
        leaderboard.forEach(row -> order.add(row.model()));
        for (Map<String, ?> map : List.of(errorSamples, errorByStep, coverage)) {
            for (String model : map.keySet()) {
                if (!order.contains(model)) {
                    order.add(model);
                }
            }
        }
        return List.copyOf(order);
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(Objects.requireNonNull(name, what))) {
                throw new IllegalArgumentException(what + " '" + name + "' appears twice");
            }
        }
    }

    private static Map<String, double[]> orderedCopy(Map<String, double[]> map, String what) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        Objects.requireNonNull(map, what).forEach((model, values) -> copy.put(model,
                Objects.requireNonNull(values, () -> what + " of model '" + model + "' is null")));
        return Collections.unmodifiableMap(copy);
    }
}
