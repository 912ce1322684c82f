package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.evaluate.ProbabilisticSummary;
import io.demandcast.core.evaluate.ScoreResult;
import io.demandcast.core.model.Forecast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a backtest measured about one model.
 *
 * @param run                 the forecasts scored
 * @param byWindow            per window: per-series metrics and their aggregate (WRMSSE with weights)
 * @param rows                per series × window scores, window-major
 * @param overall             the leaderboard values: each window's aggregate averaged over windows,
 *                            plus probabilistic scores ({@code crps_scaled}, {@code coverage_80}, ...,
 *                            and {@code *_conformal} when calibrated)
 * @param volumeWeighted      per-series × window metrics weighted by recent volume
 * @param fileWeighted        the same weighted by the weights file (empty without one)
 * @param byClass             mean metrics per Syntetos–Boylan class
 * @param errorByStep         mean absolute scaled error (|y − f| / MASE scale) at steps 1..h
 * @param modelIntervals      probabilistic summary of the model's own quantiles
 * @param conformalIntervals  the same for conformal quantiles, over the calibrated windows (null when none)
 * @param conformalForecasts  per window the conformal forecast, null for a window without calibration
 * @param intervalsByWindow   per window the summary of the model's quantiles
 * @param conformalByWindow   per window the summary of conformal quantiles, null for a window without calibration
 * @param serviceLevels       the inventory policies simulated on the windows ({@link ServiceLevels#NONE} without policies)
 */
public record ModelScores(ModelRun run, List<ScoreResult> byWindow, List<SeriesWindow> rows, Map<String, Double> overall,
                          Map<String, Double> volumeWeighted, Map<String, Double> fileWeighted,
                          Map<String, Map<String, Double>> byClass, double[] errorByStep,
                          ProbabilisticSummary modelIntervals, ProbabilisticSummary conformalIntervals,
                          List<Forecast> conformalForecasts, List<ProbabilisticSummary> intervalsByWindow,
                          List<ProbabilisticSummary> conformalByWindow, ServiceLevels serviceLevels) {

    public ModelScores {
        serviceLevels = serviceLevels == null ? ServiceLevels.NONE : serviceLevels;
        byWindow = List.copyOf(byWindow);
        rows = List.copyOf(rows);
        overall = Collections.unmodifiableMap(new LinkedHashMap<>(overall));
        volumeWeighted = Collections.unmodifiableMap(new LinkedHashMap<>(volumeWeighted));
        fileWeighted = Collections.unmodifiableMap(new LinkedHashMap<>(fileWeighted));
        byClass = Collections.unmodifiableMap(new LinkedHashMap<>(byClass));
        errorByStep = errorByStep.clone();
        conformalForecasts = Collections.unmodifiableList(new ArrayList<>(conformalForecasts));
        intervalsByWindow = List.copyOf(intervalsByWindow);
        conformalByWindow = Collections.unmodifiableList(new ArrayList<>(conformalByWindow));
    }

    /** Scores without a policy simulation. */
    public ModelScores(ModelRun run, List<ScoreResult> byWindow, List<SeriesWindow> rows, Map<String, Double> overall,
                       Map<String, Double> volumeWeighted, Map<String, Double> fileWeighted,
                       Map<String, Map<String, Double>> byClass, double[] errorByStep,
                       ProbabilisticSummary modelIntervals, ProbabilisticSummary conformalIntervals,
                       List<Forecast> conformalForecasts, List<ProbabilisticSummary> intervalsByWindow,
                       List<ProbabilisticSummary> conformalByWindow) {
        this(run, byWindow, rows, overall, volumeWeighted, fileWeighted, byClass, errorByStep, modelIntervals, conformalIntervals,
                conformalForecasts, intervalsByWindow, conformalByWindow, ServiceLevels.NONE);
    }

    public String name() {
        return run.model().name();
    }

    /** A leaderboard value, NaN when the run did not measure it. */
    public double metric(String name) {
        Double v = overall.get(name);
        return v == null ? Double.NaN : v;
    }

    /**
     * A metric of one window: a point metric of the window's aggregate (or {@code wrmsse} with
     * weights), or {@code crps} / {@code crps_scaled} of the model's quantiles; NaN otherwise.
     */
    public double windowValue(int window, String metric) {
        if (metric.equals("crps") || metric.equals("crps_scaled")) {
            ProbabilisticSummary s = intervalsByWindow.get(window);
            return s == null ? Double.NaN : metric.equals("crps") ? s.crps() : s.scaledCrps();
        }
        if (MetricNames.POINT.contains(metric) || metric.equals("wrmsse")) {
            return MetricNames.of(byWindow.get(window).aggregate(), metric);
        }
        return Double.NaN;
    }
}
