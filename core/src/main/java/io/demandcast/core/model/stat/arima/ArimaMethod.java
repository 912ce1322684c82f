package io.demandcast.core.model.stat.arima;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ARIMA as a local method: either fixed orders (family {@code arima}, R's {@code Arima()}) or the
 * automatic search (family {@code auto_arima}, R's {@code auto.arima()}). Every series gets its own
 * coefficients (and, for auto_arima, its own orders). Fits never throw on data: series too short
 * for the requested model fall back to a simpler one (see {@link Fallbacks}).
 */
public final class ArimaMethod implements SeriesMethod {
    private final String family;
    private final AutoArima auto;
    private final ArimaOrder order;
    private final EstimationMethod estimation;

    private ArimaMethod(String family, AutoArima auto, ArimaOrder order, EstimationMethod estimation) {
        this.family = family;
        this.auto = auto;
        this.order = order;
        this.estimation = estimation;
    }

    /** auto.arima with the given search options. */
    public static ArimaMethod automatic(AutoArima.Options options) {
        return new ArimaMethod(ArimaFamilies.AUTO_ARIMA, new AutoArima(options), null, EstimationMethod.CSS_ML);
    }

    /** A fixed-order ARIMA estimated by CSS-ML. */
    public static ArimaMethod fixed(ArimaOrder order) {
        return fixed(order, EstimationMethod.CSS_ML);
    }

    /** A fixed-order ARIMA with the given estimation method. */
    public static ArimaMethod fixed(ArimaOrder order, EstimationMethod estimation) {
        return new ArimaMethod(ArimaFamilies.ARIMA, null, order, java.util.Objects.requireNonNull(estimation, "estimation"));
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (auto != null) {
            AutoArima.Options o = auto.options();
            map.put("season_length", o.seasonLength());
            map.put("max_p", o.maxP());
            map.put("max_q", o.maxQ());
            map.put("max_P", o.maxSeasonalP());
            map.put("max_Q", o.maxSeasonalQ());
            map.put("max_d", o.maxD());
            map.put("max_D", o.maxSeasonalD());
            map.put("stepwise", o.stepwise());
            map.put("seasonal", o.seasonal());
            map.put("ic", o.criterion().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            map.put("order", List.of(order.p(), order.d(), order.q()));
            map.put("seasonal_order", List.of(order.seasonalP(), order.seasonalD(), order.seasonalQ()));
            map.put("season_length", order.period());
            map.put("include_constant", order.constant());
            map.put("method", estimation.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return map;
    }

    @Override
    public SeriesFit fit(double[] y) {
        AutoArima.Selected selected = auto != null ? auto.select(y) : fitFixed(y);
        return new ArimaSeriesFit(selected.model(), selected.fallback());
    }

    /**
     * Empty series ({@code no_data}), constant ones without differencing ({@code constant}: the
     * mean), and the simple models of {@link Fallbacks} when the estimation fails: {@code too_short}
     * when the series has no more values than the orders need, else {@code non_convergence}.
     */
    @Override
    public io.demandcast.core.model.FamilyUsed familyUsed(double[] y, SeriesFit fit) {
        return fit instanceof ArimaSeriesFit arima ? arima.fallback() : null;
    }

    private AutoArima.Selected fitFixed(double[] y) {
        if (y.length == 0) {
            return new AutoArima.Selected(Fallbacks.mean(y), io.demandcast.core.model.stat.StatFallbacks.noData());
        }
        if (UnitRoots.isConstant(y) && order.differences() == 0) {
            return AutoArima.Selected.fallback(Fallbacks.mean(y), io.demandcast.core.model.FallbackReason.CONSTANT);
        }
        ArimaFitter.Fit fit = ArimaFitter.fit(y, order, estimation);
        if (fit != null) {
            int npar = fit.coef.length + 1;
            int den = fit.nUsed() - npar + 1;
            ArimaModel model = fit.toModel(den > 0 ? fit.rss / den : fit.sigma2);
            if (model != null) {
                return AutoArima.Selected.of(model);
            }
        }
        int m = order.period();
        int needed = order.d() + m * order.seasonalD() + order.p() + order.q() + m * (order.seasonalP() + order.seasonalQ()) + 1;
        return AutoArima.Selected.fallback(Fallbacks.simple(y, Math.min(order.d(), 1), y.length > 2 * m ? order.seasonalD() : 0, m),
                y.length <= needed ? io.demandcast.core.model.FallbackReason.TOO_SHORT : io.demandcast.core.model.FallbackReason.NON_CONVERGENCE);
    }

    /**
     * {@link UpdateMode#FILTER}: orders, coefficients (the constant included), innovation variance
     * and fit statistics are kept; the Kalman state and the values the differencing needs are
     * recomputed over {@code y} ({@link ArimaModel#filter}). Should the filter break down
     * numerically, the series is refitted: the one case where an ARIMA update estimates.
     */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] y) {
        if (!(fitted instanceof ArimaSeriesFit fit)) {
            throw new IllegalArgumentException(family + " cannot update a fit it did not make (" + fitted.getClass().getSimpleName() + ")");
        }
        ArimaModel filtered = fit.model().filter(y);
        return filtered != null ? new ArimaSeriesFit(filtered) : fit(y);
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    @Override
    public SeriesFit load(JsonNode state) {
        return new ArimaSeriesFit(ArimaModel.fromJson(state));
    }
}
