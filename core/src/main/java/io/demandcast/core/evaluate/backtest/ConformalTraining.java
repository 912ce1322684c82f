package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.Progress;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ConformalCalibration;
import io.demandcast.core.evaluate.CumulativeScores;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.evaluate.NonNegative;
import io.demandcast.core.model.Forecaster;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Conformal calibration for {@code train}: the model is backtested on its own training data (the
 * experiment's {@code backtest} section, by default {@value #DEFAULT_WINDOWS} windows), every
 * out-of-sample error becomes a score, and each series' scale and demand class at the end of the
 * training data are recorded, so {@code predict} can turn the model's point forecasts into
 * calibrated quantiles.
 */
public final class ConformalTraining {
    /** Windows of the calibration backtest when the experiment has no {@code backtest} section. */
    public static final int DEFAULT_WINDOWS = 3;
    /**
     * Cumulative errors kept per interval length, pooled and per demand class, for the bootstrap of
     * lead-time demand: evenly spaced order statistics ({@link CumulativeScores#thin}) read every
     * quantile to within 0.1 % in probability, and keep calibration.json to about 3 MB at a horizon
     * of 28 (five arrays per length) however many series there are.
     */
    public static final int MAX_CUMULATIVE_SCORES = 1000;

    private ConformalTraining() {
    }

    /**
     * @param history  the rows the model is trained on
     * @param actuals  the raw target over the same rows and series
     * @param section  the experiment's backtest section, or null
     * @param horizon  the forecast horizon to calibrate
     * @param pastOnly covariate columns of {@code history} observed only up to a cutoff
     */
    public static ForecastCalibration calibrate(Forecaster forecaster, Panel history, Panel actuals, BacktestConfig section,
                                                int horizon, double[] levels, int seasonLength, boolean clip,
                                                Progress progress, java.util.Collection<String> pastOnly) {
        BacktestConfig bt = section != null ? section
                : new BacktestConfig(horizon, DEFAULT_WINDOWS, null, null, null, null, null, null, null);
        BacktestPlan plan = BacktestPlan.of(history, actuals, bt, horizon);
        UnaryOperator<io.demandcast.core.model.Forecast> adjust = clip ? NonNegative::clipAtZero : UnaryOperator.identity();
        BacktestModel model = new BacktestModel(forecaster.family(), BacktestModel.Role.CANDIDATE, forecaster, "train");
        progress.report("train: conformal calibration, " + plan.windows() + " backtest window(s) of " + horizon + " periods");
        ModelRun run = BacktestEngine.run(model, history, plan, bt.refitInterval(), levels, adjust, progress, pastOnly);
        WindowActuals values = new WindowActuals(actuals, plan, seasonLength);
        ConformalCalibration.Builder builder = ConformalCalibration.builder(horizon);
        // the same windows' errors summed over steps 1..P, for the bootstrap of lead-time demand
        ConformalCalibration.Builder cumulative = ConformalCalibration.builder(horizon);
        for (int w = 0; w < plan.windows(); w++) {
            values.addScores(builder, run.forecasts().get(w), w, s -> Integer.MAX_VALUE);
            values.addCumulativeScores(cumulative, run.forecasts().get(w), w, horizon, s -> Integer.MAX_VALUE);
        }
        ConformalCalibration calibration = builder.build(levels, BacktestScoring.MIN_PER_GROUP);
        Map<String, Double> scales = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        Set<String> counts = new LinkedHashSet<>();
        for (int s = 0; s < actuals.seriesCount(); s++) {
            if (actuals.length(s) == 0) {
                continue;
            }
            double[] x = values.history(s, actuals.lastPeriod(s));
            scales.put(actuals.seriesId(s), ConformalCalibration.scaleOf(x, seasonLength));
            groups.put(actuals.seriesId(s), WindowActuals.demandClass(x));
            if (WindowActuals.counts(x)) {
                counts.add(actuals.seriesId(s));
            }
        }
        return new ForecastCalibration(clip, calibration, plan.windows(), scales, groups,
                CumulativeScores.of(cumulative, BacktestScoring.MIN_PER_GROUP, MAX_CUMULATIVE_SCORES), counts);
    }
}
