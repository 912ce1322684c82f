package io.demandcast.core.model.stat.intermittent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Teunter–Syntetos–Babai (2011): the demand probability is smoothed every period
 * ({@code p += alpha_p * (o(t) - p)}, o(t) = 1 when there is demand) and the demand size only when
 * demand occurs ({@code d += alpha_d * (y(t) - d)}); the flat forecast is {@code p * d}. Both start
 * at their first value ({@code p} at the first period's occurrence, {@code d} at the first demand),
 * as statsforecast's {@code TSB}, whose required {@code alpha_d}/{@code alpha_p} we default to 0.1
 * each; they are not optimised. Values at or below 0 count as no demand; no demand forecasts 0.
 * Quantiles: see {@link IntermittentFit}.
 */
public final class Tsb implements SeriesMethod {
    private final double alphaD;
    private final double alphaP;

    /**
     * @throws IllegalArgumentException when an alpha is outside (0, 1]
     */
    public Tsb(double alphaD, double alphaP) {
        if (!(alphaD > 0 && alphaD <= 1)) {
            throw new IllegalArgumentException("alpha_d must be in (0, 1] (got " + alphaD + ")");
        }
        if (!(alphaP > 0 && alphaP <= 1)) {
            throw new IllegalArgumentException("alpha_p must be in (0, 1] (got " + alphaP + ")");
        }
        this.alphaD = alphaD;
        this.alphaP = alphaP;
    }

    @Override
    public String family() {
        return IntermittentFamilies.TSB;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha_d", alphaD);
        p.put("alpha_p", alphaP);
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
        double p = y[0] > 0 ? 1 : 0;
        for (int t = 1; t <= at[0]; t++) {
            p += alphaP * ((y[t] > 0 ? 1 : 0) - p);
        }
        double d = y[at[0]];
        double[] errors = new double[y.length - at[0] - 1];
        for (int t = at[0] + 1; t < y.length; t++) {
            errors[t - at[0] - 1] = y[t] - p * d;
            boolean demand = y[t] > 0;
            p += alphaP * ((demand ? 1 : 0) - p);
            if (demand) {
                d += alphaD * (y[t] - d);
            }
        }
        info.put("probability", p);
        info.put("size", d);
        return IntermittentFit.of(p * d, errors, info);
    }

    /** The smoothing constants are given, not estimated: the update is a fit on the longer series, which re-smooths both states from their first values ({@link UpdateMode#REFORECAST}). */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] y) {
        return fit(y);
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.REFORECAST;
    }

    @Override
    public SeriesFit load(JsonNode state) {
        return IntermittentFit.load(state);
    }
}
