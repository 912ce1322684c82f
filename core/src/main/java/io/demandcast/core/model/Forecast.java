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
 *
 * <p>A model with a direction head (the {@code lstm} family's {@code direction_head}) also gives, per
 * series and step, the probability that demand rises from the step before ({@link #upProbability});
 * the direction metrics then score those calls instead of the points' moves.
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
    /** Probability of a rise at each series and step, laid out like {@code point}; null without a direction head. */
    private final double[] up;

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
        this.up = null;
    }

    private Forecast(Forecast f, double[] up) {
        this.model = f.model;
        this.axis = f.axis;
        this.seriesIds = f.seriesIds;
        this.firstPeriods = f.firstPeriods;
        this.horizon = f.horizon;
        this.point = f.point;
        this.levels = f.levels;
        this.quantiles = f.quantiles;
        this.up = up;
    }

    /**
     * This forecast with the direction head's probabilities of a rise from the step before (the
     * first step from the last value of the history), laid out like the points.
     *
     * @throws IllegalArgumentException when the length differs or a value is outside [0, 1]
     */
    public Forecast withUpProbabilities(double[] probabilities) {
        if (probabilities.length != point.length) {
            throw new IllegalArgumentException("up probabilities have " + probabilities.length + " values, expected " + point.length);
        }
        for (int i = 0; i < probabilities.length; i++) {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                throw new IllegalArgumentException(model + " produced an up probability of " + probabilities[i] + " for series '"
                        + seriesIds[i / horizon] + "' at step " + (i % horizon + 1));
            }
        }
        return new Forecast(this, probabilities.clone());
    }

    /** This forecast with {@code source}'s up probabilities (none when it has none); the shapes must agree. */
    public Forecast withDirectionOf(Forecast source) {
        if (source.up == null) {
            return up == null ? this : new Forecast(this, null);
        }
        if (source.point.length != point.length || !Arrays.equals(source.seriesIds, seriesIds)) {
            throw new IllegalArgumentException("direction of another forecast shape");
        }
        return new Forecast(this, source.up);
    }

    /** Whether a direction head gave {@link #upProbability}. */
    public boolean hasDirection() {
        return up != null;
    }

    /** Probability of a rise at this step from the step before; NaN without a direction head. */
    public double upProbability(int series, int step) {
        return up == null ? Double.NaN : up[series * horizon + step];
    }

    /** The head's calls for one series (probability above one half: "up"); null without a direction head. */
    public boolean[] upCalls(int series) {
        if (up == null) {
            return null;
        }
        boolean[] calls = new boolean[horizon];
        for (int k = 0; k < horizon; k++) {
            calls[k] = up[series * horizon + k] > 0.5;
        }
        return calls;
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

    /**
     * The series of this forecast whose id passes {@code keep}, in the same order, with their
     * quantiles and up probabilities: what {@code evaluate.score_series} scores.
     */
    public Forecast select(java.util.function.Predicate<String> keep) {
        int[] kept = java.util.stream.IntStream.range(0, seriesIds.length).filter(s -> keep.test(seriesIds[s])).toArray();
        if (kept.length == seriesIds.length) {
            return this;
        }
        String[] ids = new String[kept.length];
        int[] first = new int[kept.length];
        double[] p = new double[kept.length * horizon];
        double[][] q = new double[levels.length][kept.length * horizon];
        double[] u = up == null ? null : new double[kept.length * horizon];
        for (int i = 0; i < kept.length; i++) {
            int s = kept[i];
            ids[i] = seriesIds[s];
            first[i] = firstPeriods[s];
            System.arraycopy(point, s * horizon, p, i * horizon, horizon);
            for (int l = 0; l < levels.length; l++) {
                System.arraycopy(quantiles[l], s * horizon, q[l], i * horizon, horizon);
            }
            if (u != null) {
                System.arraycopy(up, s * horizon, u, i * horizon, horizon);
            }
        }
        Forecast out = new Forecast(model, axis, ids, first, horizon, p, levels, q);
        return u == null ? out : new Forecast(out, u);
    }
}
