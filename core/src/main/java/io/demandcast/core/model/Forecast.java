package io.demandcast.core.model;

import io.demandcast.core.data.TimeAxis;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Point forecasts and quantiles for several series over a horizon. Series {@code s} forecasts
 * periods {@code firstPeriod(s) .. firstPeriod(s) + horizon - 1} of the axis. Values are held
 * series-major ({@code s * horizon + step}). Never contains NaN: models must fall back to a finite
 * value (the contract every consumer relies on).
 */
public final class Forecast {
    private final String model;
    private final TimeAxis axis;
    private final String[] seriesIds;
    private final int[] firstPeriods;
    private final int horizon;
    private final double[] point;
    private final double[] levels;
    private final double[][] quantiles;

    /**
     * @param model        name of the model that made it (written to the forecast CSV)
     * @param quantiles    one array per level, each laid out like {@code point}
     * @throws IllegalArgumentException on mismatched lengths or a non-finite value
     */
    public Forecast(String model, TimeAxis axis, String[] seriesIds, int[] firstPeriods, int horizon,
                    double[] point, double[] levels, double[][] quantiles) {
        this.model = Objects.requireNonNull(model, "model");
        this.axis = Objects.requireNonNull(axis, "axis");
        this.seriesIds = seriesIds.clone();
        this.firstPeriods = firstPeriods.clone();
        this.horizon = horizon;
        this.point = point.clone();
        this.levels = levels.clone();
        this.quantiles = new double[quantiles.length][];
        int n = seriesIds.length;
        if (firstPeriods.length != n || point.length != n * horizon || quantiles.length != levels.length) {
            throw new IllegalArgumentException("forecast arrays do not match " + n + " series x " + horizon + " steps");
        }
        for (int q = 0; q < quantiles.length; q++) {
            if (quantiles[q].length != point.length) {
                throw new IllegalArgumentException("quantile " + levels[q] + " has " + quantiles[q].length + " values, expected " + point.length);
            }
            this.quantiles[q] = quantiles[q].clone();
            requireFinite(this.quantiles[q], "quantile " + levels[q]);
        }
        requireFinite(this.point, "point forecast");
    }

    private void requireFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(model + " produced a non-finite " + what + " for series '"
                        + seriesIds[i / horizon] + "' at step " + (i % horizon + 1));
            }
        }
    }

    public String model() {
        return model;
    }

    public TimeAxis axis() {
        return axis;
    }

    public int seriesCount() {
        return seriesIds.length;
    }

    public String seriesId(int series) {
        return seriesIds[series];
    }

    public List<String> seriesIds() {
        return List.of(seriesIds);
    }

    public int horizon() {
        return horizon;
    }

    public int firstPeriod(int series) {
        return firstPeriods[series];
    }

    public double point(int series, int step) {
        return point[series * horizon + step];
    }

    /** The point forecasts of one series, a copy. */
    public double[] points(int series) {
        return Arrays.copyOfRange(point, series * horizon, (series + 1) * horizon);
    }

    /** Quantile levels, ascending, a copy. */
    public double[] levels() {
        return levels.clone();
    }

    public double quantile(int level, int series, int step) {
        return quantiles[level][series * horizon + step];
    }
}
