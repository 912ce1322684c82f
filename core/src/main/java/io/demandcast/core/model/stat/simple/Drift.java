package io.demandcast.core.model.stat.simple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.Map;

/**
 * Random walk with drift, as R's {@code rwf(drift = TRUE)}: {@code f(h) = y(T) + h * b} with b the
 * mean first difference. Intervals as R's: normal with
 * {@code sd(h) = sqrt(mse * h + (h * se(b))^2)}, {@code mse} the mean square of the centred
 * differences over {@code k - 1} degrees of freedom (k differences; k when b is exactly 0) and
 * {@code se(b) = s / sqrt(k)}. Where R's values are undefined (fewer than three values) the
 * missing variance terms are 0; an empty series forecasts 0.
 */
public final class Drift implements SeriesMethod {

    @Override
    public String family() {
        return SimpleFamilies.DRIFT;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public SeriesFit fit(double[] y) {
        int n = y.length;
        if (n == 0) {
            return new Fit(0, 0, 0, 0);
        }
        int k = n - 1;
        if (k == 0) {
            return new Fit(y[0], 0, 0, 0);
        }
        double b = (y[n - 1] - y[0]) / k;
        double ss = 0;
        for (int t = 1; t < n; t++) {
            double r = y[t] - y[t - 1] - b;
            ss += r * r;
        }
        int dfMse = k - (b != 0 ? 1 : 0);
        double mse = dfMse > 0 ? ss / dfMse : 0;
        double bSe = k > 1 ? Math.sqrt(ss / (k - 1)) / Math.sqrt(k) : 0;
        return new Fit(y[n - 1], b, mse, bSe);
    }

    /** Nothing is estimated: the update is a fit on the longer series ({@link UpdateMode#REFORECAST}). */
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
        return new Fit(state.path("last").asDouble(), state.path("drift").asDouble(), state.path("mse").asDouble(),
                state.path("drift_se").asDouble());
    }

    record Fit(double last, double drift, double mse, double driftSe) implements SeriesFit {
        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            double[] point = new double[horizon];
            double[] sd = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                int h = i + 1;
                point[i] = last + h * drift;
                sd[i] = Math.sqrt(mse * h + (h * driftSe) * (h * driftSe));
            }
            return NormalIntervals.of(point, sd, levels);
        }

        @Override
        public ObjectNode state() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("last", last);
            node.put("drift", drift);
            node.put("mse", mse);
            node.put("drift_se", driftSe);
            return node;
        }
    }
}
