package io.demandcast.core.evaluate;

import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Scores point forecasts against held-out actuals.
 *
 * <p>Forecast and actual values are matched by series id and date (so the three inputs may use
 * time axes with different anchors, as long as they share one frequency). For each forecast series:
 * <ul>
 *   <li>its actuals are the actuals panel's values on the forecast's periods; a period without an
 *       actual (no row, or NaN) is skipped by every metric, and actuals outside the forecast
 *       window are ignored. A forecast series with no actual at all in its window is an error
 *       naming it;</li>
 *   <li>its MASE and RMSSE scales, and the last value that starts the direction chain, come from
 *       the training panel's rows before the first forecast period (later rows are ignored, so
 *       scaling never sees the test window). A forecast series absent from the training panel is an
 *       error naming it.</li>
 * </ul>
 * Series of the actuals panel without a forecast are ignored. Inputs are left unchanged.
 */
public final class Scorer {
    private final ScoreOptions options;

    public Scorer(ScoreOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ScoreOptions options() {
        return options;
    }

    /**
     * Scores every series of the forecast.
     *
     * @param forecast point forecasts
     * @param actuals  observed values over (at least part of) the forecast window
     * @param training the history the forecast was made from, for the scales
     * @return per-series metrics in forecast order, and their aggregate
     * @throws IllegalArgumentException when the frequencies differ, or the weights do not match the
     *                                  scored series (see {@link Wrmsse#byLevel})
     * @throws DataException            naming the series when one has no actuals or no training history
     */
    public ScoreResult score(Forecast forecast, Panel actuals, Panel training) {
        requireSameFrequency(forecast.axis(), actuals.axis(), "actuals");
        requireSameFrequency(forecast.axis(), training.axis(), "training");
        int h = forecast.horizon();
        List<SeriesMetrics> perSeries = new ArrayList<>(forecast.seriesCount());
        double pooledAbsError = 0;
        double pooledAbsActual = 0;
        double pooledError = 0;
        double pooledActual = 0;
        for (int s = 0; s < forecast.seriesCount(); s++) {
            String id = forecast.seriesId(s);
            double[] f = forecast.points(s);
            double[] y = actualsFor(forecast, s, actuals);
            double[] x = trainingFor(forecast, s, training);
            perSeries.add(scoreSeries(id, y, f, x, forecast.upCalls(s)));
            for (int k = 0; k < h; k++) {
                if (!Double.isNaN(y[k])) {
                    pooledAbsError += Math.abs(y[k] - f[k]);
                    pooledAbsActual += Math.abs(y[k]);
                    pooledError += f[k] - y[k];
                    pooledActual += y[k];
                }
            }
        }
        double pooledWape = pooledAbsActual == 0 ? Double.NaN : pooledAbsError / pooledAbsActual;
        double pooledRelativeBias = pooledActual == 0 ? Double.NaN : pooledError / pooledActual;
        AggregateMetrics aggregate = aggregate(perSeries, pooledWape, pooledRelativeBias);
        return new ScoreResult(forecast.model(), h, options, perSeries, aggregate);
    }

    /** Metrics of one series from its actuals, forecasts and training values (all NaN-tolerant). */
    SeriesMetrics scoreSeries(String id, double[] y, double[] f, double[] x) {
        return scoreSeries(id, y, f, x, null);
    }

    /**
     * {@link #scoreSeries(String, double[], double[], double[])}, the direction scored on a direction
     * head's calls when {@code upCalls} is not null, else on the forecast's own moves.
     */
    SeriesMetrics scoreSeries(String id, double[] y, double[] f, double[] x, boolean[] upCalls) {
        double maseScale = Scales.mase(x, options.seasonLength());
        double rmsseScale = Scales.rmsse(x, options.rmsseLag(), options.rmsseStart());
        return new SeriesMetrics(id, Metrics.count(y), Metrics.mae(y, f), Metrics.mse(y, f), Metrics.rmse(y, f),
                Metrics.mape(y, f), Metrics.smape(y, f), Metrics.mase(y, f, maseScale), Metrics.rmsse(y, f, rmsseScale),
                Metrics.wape(y, f), Metrics.bias(y, f), Metrics.relativeBias(y, f), Metrics.r2(y, f),
                upCalls == null ? DirectionScore.of(lastObserved(x), y, f) : DirectionScore.ofCalls(lastObserved(x), y, upCalls));
    }

    private AggregateMetrics aggregate(List<SeriesMetrics> rows, double wape, double relativeBias) {
        long n = 0;
        DirectionScore direction = DirectionScore.EMPTY;
        Map<String, Double> rmsse = new HashMap<>();
        for (SeriesMetrics m : rows) {
            n += m.n();
            direction = direction.plus(m.direction());
            rmsse.put(m.seriesId(), m.rmsse());
        }
        Map<String, Double> byLevel = new LinkedHashMap<>();
        double wrmsse = Double.NaN;
        if (options.weights() != null) {
            byLevel = Wrmsse.byLevel(rmsse, options.weights());
            if (byLevel.isEmpty()) {
                throw new IllegalArgumentException("the WRMSSE weights name none of the " + rows.size()
                        + " scored series (e.g. '" + rows.get(0).seriesId() + "')");
            }
            wrmsse = byLevel.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
        return new AggregateMetrics(rows.size(), n,
                mean(rows, SeriesMetrics::mae), mean(rows, SeriesMetrics::mse), mean(rows, SeriesMetrics::rmse),
                mean(rows, SeriesMetrics::mape), mean(rows, SeriesMetrics::smape), mean(rows, SeriesMetrics::mase),
                mean(rows, SeriesMetrics::rmsse), wape, mean(rows, SeriesMetrics::bias), relativeBias,
                mean(rows, SeriesMetrics::r2), direction,
                undefined(rows, SeriesMetrics::mape), undefined(rows, SeriesMetrics::mase),
                undefined(rows, SeriesMetrics::rmsse), undefined(rows, SeriesMetrics::r2), wrmsse, byLevel);
    }

    private static double mean(List<SeriesMetrics> rows, ToDoubleFunction<SeriesMetrics> metric) {
        return rows.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static int undefined(List<SeriesMetrics> rows, ToDoubleFunction<SeriesMetrics> metric) {
        return (int) rows.stream().mapToDouble(metric).filter(Double::isNaN).count();
    }

    /** Actuals of forecast series s on its h periods, NaN where the actuals panel has no value. */
    private static double[] actualsFor(Forecast forecast, int s, Panel actuals) {
        String id = forecast.seriesId(s);
        int a = actuals.indexOf(id);
        if (a < 0) {
            throw new DataException("forecast series '" + id + "' has no actuals: the actuals have no such series");
        }
        int h = forecast.horizon();
        int start = periodOn(actuals.axis(), forecast, s, "actuals");
        double[] y = new double[h];
        Arrays.fill(y, Double.NaN);
        for (int r = actuals.rowStart(a); r < actuals.rowEnd(a); r++) {
            int k = actuals.period(r) - start;
            if (k >= 0 && k < h) {
                y[k] = actuals.target(r);
            }
        }
        if (Metrics.count(y) == 0) {
            TimeAxis axis = forecast.axis();
            throw new DataException("forecast series '" + id + "' has no actuals in its window "
                    + axis.date(forecast.firstPeriod(s)) + " .. " + axis.date(forecast.firstPeriod(s) + h - 1));
        }
        return y;
    }

    /** Training values of forecast series s before its first forecast period, gaps as NaN. */
    private static double[] trainingFor(Forecast forecast, int s, Panel training) {
        String id = forecast.seriesId(s);
        int t = training.indexOf(id);
        if (t < 0 || training.length(t) == 0) {
            throw new DataException("forecast series '" + id + "' has no training history (needed to scale MASE and RMSSE)");
        }
        int end = periodOn(training.axis(), forecast, s, "training");
        int first = training.firstPeriod(t);
        if (first >= end) {
            throw new DataException("forecast series '" + id + "' has no training history before its first forecast date "
                    + forecast.axis().date(forecast.firstPeriod(s)));
        }
        int last = Math.min(training.lastPeriod(t), end - 1);
        double[] x = new double[last - first + 1];
        Arrays.fill(x, Double.NaN);
        for (int r = training.rowStart(t); r < training.rowEnd(t) && training.period(r) <= last; r++) {
            x[training.period(r) - first] = training.target(r);
        }
        return x;
    }

    private static double lastObserved(double[] x) {
        for (int i = x.length - 1; i >= 0; i--) {
            if (!Double.isNaN(x[i])) {
                return x[i];
            }
        }
        return Double.NaN;
    }

    /** First forecast period of series s expressed on another axis of the same frequency. */
    private static int periodOn(TimeAxis axis, Forecast forecast, int s, String what) {
        LocalDate date = forecast.axis().date(forecast.firstPeriod(s));
        if (!axis.fits(date)) {
            throw new DataException("forecast series '" + forecast.seriesId(s) + "' starts on " + date
                    + ", which does not fit the " + what + " periods (" + axis.describeAnchor() + ")");
        }
        return axis.period(date);
    }

    private static void requireSameFrequency(TimeAxis forecastAxis, TimeAxis other, String what) {
        if (forecastAxis.frequency() != other.frequency()) {
            throw new IllegalArgumentException("the forecast is " + forecastAxis.frequency().label() + " but the "
                    + what + " are " + other.frequency().label());
        }
    }
}
