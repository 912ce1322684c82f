package io.demandcast.core.plan;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.SamplePaths;
import java.util.ArrayList;
import java.util.List;

/**
 * Lead-time demand per series from a fitted model: the sum over the protection interval (lead time
 * plus review period) of each of the model's sample paths ({@link SamplePaths}), as an
 * {@link EmpiricalLeadTimeDemand}. A series whose fit cannot simulate (a family without a
 * simulation, a combination, a deep model) gets {@link BacktestBootstrap#METHOD} when the model
 * was trained with a conformal calibration backtest that recorded cumulative errors, else
 * {@link QuantileLeadTimes} ({@link QuantileLeadTimes#METHOD}): a normal distribution whose mean is
 * the sum of the point forecasts over the interval and whose variance is the sum of the per-period
 * variances read from the forecast's 10 % and 90 % quantiles,
 * {@code sd_k = (q0.9 - q0.1) / (2 z_0.9)}: it treats the periods' errors as independent, which
 * understates the spread of models whose errors persist; the calibrated bootstrap of backtest
 * errors is the better estimator for those families.
 */
public final class LeadTimeForecasts {
    private static final double[] SPREAD_LEVELS = {0.1, 0.9};

    private LeadTimeForecasts() {
    }

    /**
     * One lead-time demand per series of {@code model}, in {@link FittedModel#seriesIds()} order.
     * Paths with a non-finite value (a model that could not follow them) are dropped; a series with
     * no finite path falls back to the normal approximation. The model is unchanged.
     *
     * @param history the panel the model was fitted on or last updated to; null when unknown
     *                (the bootstraps then see no history and simulate zeros)
     * @param future  the known covariates over the interval, as {@link ForecastRequest#futureCovariates()}; null when none
     * @param task    stepped once per series
     * @throws IllegalArgumentException as {@link FittedModel#forecast}: a known covariate missing over
     *                                  the interval, an interval longer than a direct model's horizon
     */
    public static List<LeadTimeForecast> estimate(FittedModel model, Panel history, Panel future, LeadTimeRequest request,
                                                  Progress.Task task) {
        return estimate(model, history, future, request, null, task);
    }

    /**
     * As {@link #estimate(FittedModel, Panel, Panel, LeadTimeRequest, Progress.Task)}, and a series
     * that cannot simulate gets the {@link BacktestBootstrap} of {@code calibration}'s cumulative
     * backtest errors where it has them, before the normal approximation.
     *
     * @param calibration the model's {@code calibration.json}; null when none
     */
    public static List<LeadTimeForecast> estimate(FittedModel model, Panel history, Panel future, LeadTimeRequest request,
                                                  ForecastCalibration calibration, Progress.Task task) {
        int n = model.seriesIds().size();
        int interval = request.interval();
        String[] methods = new String[n];
        LeadTimeDemand[] demands = new LeadTimeDemand[n];
        ForecastRequest forecastRequest = new ForecastRequest(interval, SPREAD_LEVELS, future);
        if (model instanceof SamplePaths simulating) {
            simulating.samplePaths(forecastRequest, history, request.paths(), request.seed(), (s, paths) -> {
                if (paths != null) {
                    double[] sums = sums(paths.values(), request.clipAtZero());
                    if (sums.length > 0) {
                        methods[s] = paths.method();
                        demands[s] = new EmpiricalLeadTimeDemand(sums);
                        task.step();
                    }
                }
            });
        }
        int missing = 0;
        for (LeadTimeDemand d : demands) {
            missing += d == null ? 1 : 0;
        }
        if (missing > 0) {
            Forecast forecast = model.forecast(forecastRequest);
            QuantileLeadTimes normal = new QuantileLeadTimes(forecast, request.clipAtZero());
            for (int s = 0; s < n; s++) {
                if (demands[s] == null) {
                    demands[s] = BacktestBootstrap.demand(calibration, forecast, s, request.clipAtZero());
                    methods[s] = BacktestBootstrap.METHOD;
                    if (demands[s] == null) {
                        methods[s] = QuantileLeadTimes.METHOD;
                        demands[s] = normal.demand(model.seriesIds().get(s), interval);
                    }
                    task.step();
                }
            }
        }
        List<LeadTimeForecast> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            String id = model.seriesIds().get(s);
            out.add(new LeadTimeForecast(id, model.fittedEnd(id), methods[s], demands[s]));
        }
        return out;
    }

    /** Each finite path's sum, periods clipped at 0 first when asked; non-finite paths left out. */
    static double[] sums(double[][] paths, boolean clipAtZero) {
        double[] sums = new double[paths.length];
        int kept = 0;
        for (double[] path : paths) {
            double sum = 0;
            for (double v : path) {
                sum += clipAtZero ? Math.max(0, v) : v;
            }
            if (Double.isFinite(sum)) {
                sums[kept++] = sum;
            }
        }
        return java.util.Arrays.copyOf(sums, kept);
    }
}
