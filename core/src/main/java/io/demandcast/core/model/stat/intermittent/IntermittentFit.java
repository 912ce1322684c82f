package io.demandcast.core.model.stat.intermittent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import java.util.Arrays;

/**
 * A flat intermittent-demand forecast with empirical quantiles.
 *
 * <p>Quantiles: {@code max(0, point + q_e(level))}, {@code q_e} the empirical quantile (R's type 7,
 * linear interpolation) of the method's in-sample one-step errors {@code y(t) - f(t)} after the first
 * demand. To keep the saved state small the error distribution is kept as its quantiles at levels
 * 0.01, 0.02, …, 0.99 ({@value #GRID} values), interpolated linearly in between and held constant
 * below 0.01 and above 0.99. The same quantiles apply to every step (no widening with the horizon).
 * Without any error (no demand after the first) the quantiles equal the point. Always finite and
 * never below 0.
 */
final class IntermittentFit implements SeriesFit {
    static final int GRID = 99;

    private final double point;
    private final double[] errorQuantiles;
    private final ObjectNode info;

    /**
     * @param point  the flat forecast
     * @param errors in-sample one-step errors (may be empty; NaNs are skipped)
     * @param info   fitted parameters to record in the state (alphas, aggregation level)
     */
    static IntermittentFit of(double point, double[] errors, ObjectNode info) {
        double[] e = Arrays.stream(errors).filter(Double::isFinite).sorted().toArray();
        double[] grid = new double[GRID];
        if (e.length > 0) {
            for (int k = 1; k <= GRID; k++) {
                grid[k - 1] = quantile(e, k / 100.0);
            }
        }
        return new IntermittentFit(usable(point), grid, info);
    }

    /** A forecast is never NaN nor below 0. */
    private static double usable(double point) {
        return Double.isFinite(point) ? Math.max(0, point) : 0;
    }

    /**
     * This fit with another flat forecast; the error quantiles and fitted parameters are kept (an
     * update with fixed parameters).
     */
    IntermittentFit withPoint(double newPoint) {
        return new IntermittentFit(usable(newPoint), errorQuantiles, info);
    }

    /**
     * A fitted parameter recorded in the state ({@code info} of {@link #of}), or null when this fit
     * has none by that name (a series without demand, or a state saved before it was recorded).
     */
    JsonNode fitted(String key) {
        JsonNode v = info.get(key);
        return v == null || v.isNull() ? null : v.deepCopy();
    }

    /**
     * The fit an intermittent method's update received, as this type.
     *
     * @throws IllegalArgumentException when it was not made by an intermittent-demand method
     */
    static IntermittentFit of(SeriesFit fitted, String family) {
        if (fitted instanceof IntermittentFit f) {
            return f;
        }
        throw new IllegalArgumentException(family + " cannot update a fit it did not make (" + fitted.getClass().getSimpleName() + ")");
    }

    private IntermittentFit(double point, double[] errorQuantiles, ObjectNode info) {
        this.point = point;
        this.errorQuantiles = errorQuantiles;
        this.info = info;
    }

    /** R's type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    double point() {
        return point;
    }

    double errorOffset(double level) {
        double pos = level * 100 - 1;
        if (pos <= 0) {
            return errorQuantiles[0];
        }
        if (pos >= GRID - 1) {
            return errorQuantiles[GRID - 1];
        }
        int lo = (int) Math.floor(pos);
        return errorQuantiles[lo] + (pos - lo) * (errorQuantiles[lo + 1] - errorQuantiles[lo]);
    }

    @Override
    public SeriesForecast forecast(int horizon, double[] levels) {
        double[] p = new double[horizon];
        Arrays.fill(p, point);
        double[][] q = new double[levels.length][horizon];
        for (int l = 0; l < levels.length; l++) {
            Arrays.fill(q[l], Math.max(0, point + errorOffset(levels[l])));
        }
        return new SeriesForecast(p, q);
    }

    /** Count-aware paths: {@link WillemainBootstrap} of the series' history. */
    @Override
    public io.demandcast.core.model.stat.SeriesSimulation simulation() {
        return WillemainBootstrap.INSTANCE;
    }

    @Override
    public ObjectNode state() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("point", point);
        ArrayNode arr = node.putArray("error_quantiles");
        for (double v : errorQuantiles) {
            arr.add(v);
        }
        node.set("fitted", info.deepCopy());
        return node;
    }

    static IntermittentFit load(JsonNode state) {
        JsonNode arr = state.path("error_quantiles");
        if (arr.size() != GRID) {
            throw new IllegalArgumentException("error_quantiles has " + arr.size() + " values, expected " + GRID);
        }
        double[] grid = new double[GRID];
        for (int k = 0; k < GRID; k++) {
            grid[k] = arr.get(k).asDouble();
        }
        JsonNode fitted = state.path("fitted");
        return new IntermittentFit(state.path("point").asDouble(), grid,
                fitted.isObject() ? (ObjectNode) fitted.deepCopy() : JsonNodeFactory.instance.objectNode());
    }
}
