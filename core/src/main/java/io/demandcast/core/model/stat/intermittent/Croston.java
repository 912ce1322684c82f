package io.demandcast.core.model.stat.intermittent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.simple.Ses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Croston's method and the Syntetos–Boylan approximation.
 *
 * <p>Croston: SES (started at the first value, as R's {@code croston}) on the non-zero demand sizes
 * z and, separately, on the intervals p between demands (the first counted from the series start);
 * the flat forecast is {@code z / p}. With a fixed {@code alpha} (default 0.1) for both, the point
 * forecast is R's {@code croston(y, alpha = alpha)}. With {@code alpha: optimized} each of the two
 * smoothings gets the alpha in [0.1, 0.3] minimising its own in-sample squared one-step error, as
 * statsforecast's {@code CrostonOptimized}.
 *
 * <p>SBA: Croston times {@code 1 - alpha/2} (fixed alpha only; statsforecast's {@code CrostonSBA}
 * with alpha 0.1 is the default).
 *
 * <p>Values at or below 0 count as no demand. A series without demand forecasts 0. Quantiles: see
 * {@link IntermittentFit}, with the errors of the method's own one-step forecasts {@code z(t)/p(t)}
 * (R's croston fitted values).
 */
public final class Croston implements SeriesMethod {
    /** Bounds of the optimised alphas (statsforecast). */
    static final double OPT_LOWER = 0.1;
    static final double OPT_UPPER = 0.3;

    private final String family;
    private final Double alpha;

    private Croston(String family, Double alpha) {
        if (alpha != null && !(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1] (got " + alpha + ")");
        }
        this.family = family;
        this.alpha = alpha;
    }

    /** Croston with a fixed alpha for both smoothings. */
    public static Croston classic(double alpha) {
        return new Croston(IntermittentFamilies.CROSTON, alpha);
    }

    /** Croston with each alpha optimised in [0.1, 0.3] (statsforecast's CrostonOptimized). */
    public static Croston optimized() {
        return new Croston(IntermittentFamilies.CROSTON, null);
    }

    /** Syntetos–Boylan approximation: Croston × (1 − alpha/2). */
    public static Croston sba(double alpha) {
        return new Croston(IntermittentFamilies.SBA, alpha);
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", alpha == null ? IntermittentFamilies.OPTIMIZED : alpha);
        return p;
    }

    @Override
    public SeriesFit fit(double[] raw) {
        double[] y = Demand.nonNegative(raw);
        int[] at = Demand.occurrences(y);
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        if (at.length == 0) {
            return IntermittentFit.of(0, new double[0], info);
        }
        double[] z = Demand.sizes(y, at);
        double[] q = Demand.intervals(at);
        double alphaZ = alpha != null ? alpha : Ses.optimizeSimple(z, OPT_LOWER, OPT_UPPER);
        double alphaP = alpha != null ? alpha : Ses.optimizeSimple(q, OPT_LOWER, OPT_UPPER);
        info.put("alpha_demand", alphaZ);
        info.put("alpha_interval", alphaP);
        double[] errors = new double[y.length - at[0] - 1];
        return IntermittentFit.of(smooth(y, at, alphaZ, alphaP, errors), errors, info);
    }

    /**
     * The flat forecast after smoothing sizes and intervals through y, in one online pass: the same
     * levels as SES on the sizes and on the intervals.
     *
     * @param at     the periods with demand, at least one
     * @param errors receives the one-step error of every period after the first demand, or null
     */
    private double smooth(double[] y, int[] at, double alphaZ, double alphaP, double[] errors) {
        double factor = family.equals(IntermittentFamilies.SBA) ? 1 - alpha / 2 : 1;
        double[] z = Demand.sizes(y, at);
        double[] q = Demand.intervals(at);
        double level = z[0];
        double interval = q[0];
        int next = 1;
        for (int t = at[0] + 1; t < y.length; t++) {
            if (errors != null) {
                errors[t - at[0] - 1] = y[t] - factor * level / interval;
            }
            if (next < at.length && at[next] == t) {
                level += alphaZ * (z[next] - level);
                interval += alphaP * (q[next] - interval);
                next++;
            }
        }
        return factor * level / interval;
    }

    /**
     * With a given alpha nothing is estimated: {@link UpdateMode#REFORECAST}, a fit on the longer
     * series, which re-smooths sizes and intervals from their first values. With
     * {@code alpha: optimized}, {@link UpdateMode#FILTER}: the two fitted alphas and the error
     * quantiles are kept, sizes and intervals re-smoothed through {@code y}. A series without
     * demand when fitted had no alpha estimated, and is fitted afresh.
     */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] raw) {
        IntermittentFit fit = IntermittentFit.of(fitted, family);
        JsonNode alphaZ = fit.fitted("alpha_demand");
        JsonNode alphaP = fit.fitted("alpha_interval");
        if (alpha != null || alphaZ == null || alphaP == null) {
            return fit(raw);
        }
        double[] y = Demand.nonNegative(raw);
        int[] at = Demand.occurrences(y);
        return fit.withPoint(at.length == 0 ? 0 : smooth(y, at, alphaZ.asDouble(), alphaP.asDouble(), null));
    }

    @Override
    public UpdateMode updateMode() {
        return alpha == null ? UpdateMode.FILTER : UpdateMode.REFORECAST;
    }

    @Override
    public SeriesFit load(JsonNode state) {
        return IntermittentFit.load(state);
    }
}
