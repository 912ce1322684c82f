package io.demandcast.core.plan;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.Progress;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.FittedModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The lead-time part of {@code predict}: once the model is loaded and brought up to the newest data,
 * estimates each series' lead-time demand ({@link LeadTimeForecasts}) and writes it as
 * {@link LeadTimeCsv} where the forecast would have gone.
 */
public final class LeadTimeJob {
    /** Service levels always written, whatever {@code predict.quantiles} holds. */
    public static final List<Double> SERVICE_LEVELS = List.of(0.5, 0.9, 0.95, 0.99);

    private LeadTimeJob() {
    }

    /** The request {@code predict}'s settings ask for; null when {@code predict.lead_time} is unset. */
    public static LeadTimeRequest request(PredictConfig predict, boolean clipAtZero) {
        if (predict.leadTime() == null) {
            return null;
        }
        return new LeadTimeRequest(predict.leadTime(), predict.reviewPeriod(), predict.samplePaths(), predict.seed(), clipAtZero);
    }

    /** The quantile columns: {@code predict.quantiles} and {@link #SERVICE_LEVELS}, ascending, each once. */
    public static double[] levels(List<Double> quantiles) {
        TreeSet<Double> all = new TreeSet<>(quantiles);
        all.addAll(SERVICE_LEVELS);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Estimates and writes lead-time demand to {@code output} ({@code -}: {@code stdout}), atomically.
     *
     * @param history the panel the model now stands at; null when unknown
     * @param future  known covariates over the interval; null when none
     * @param calibration the model's {@code calibration.json} (its cumulative backtest errors serve the
     *                    series that cannot simulate); null when none
     * @throws IllegalArgumentException as {@link LeadTimeForecasts#estimate}
     */
    public static LeadTimeSummary run(FittedModel model, Panel history, Panel future, LeadTimeRequest request,
                                      ForecastCalibration calibration, List<Double> quantiles,
                                      String output, Writer stdout, Progress progress) throws IOException {
        double[] levels = levels(quantiles);
        List<LeadTimeForecast> rows;
        try (Progress.Task task = progress.task("lead-time demand " + model.family(), model.seriesIds().size())) {
            rows = LeadTimeForecasts.estimate(model, history, future, request, calibration, task);
        }
        if ("-".equals(output)) {
            LeadTimeCsv.write(rows, request, levels, stdout);
        } else {
            AtomicFiles.write(Path.of(output), out -> LeadTimeCsv.write(rows, request, levels, out));
        }
        return LeadTimeSummary.of(request, levels, rows);
    }
}
