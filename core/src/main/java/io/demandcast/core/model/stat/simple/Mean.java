package io.demandcast.core.model.stat.simple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The historical mean, as R's {@code meanf}: every step forecasts the mean of the series, with
 * Student-t intervals {@code mean + qt(level, n-1) * s * sqrt(1 + 1/n)}, s the sample standard
 * deviation. With fewer than two values (where R's intervals are infinite or undefined) the
 * quantiles collapse onto the point; an empty series forecasts 0.
 */
public final class Mean implements SeriesMethod {

    @Override
    public String family() {
        return SimpleFamilies.MEAN;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public SeriesFit fit(double[] y) {
        int n = y.length;
        if (n == 0) {
            return new Fit(0, 0, 0);
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new Fit(mean, sd, n);
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
        return new Fit(state.path("mean").asDouble(), state.path("sd").asDouble(), state.path("n").asInt());
    }

    record Fit(double mean, double sd, int n) implements SeriesFit {
        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            double[] point = new double[horizon];
            java.util.Arrays.fill(point, mean);
            double[][] q = new double[levels.length][horizon];
            for (int l = 0; l < levels.length; l++) {
                double offset = 0;
                if (n > 1 && sd > 0) {
                    offset = new TDistribution(n - 1).inverseCumulativeProbability(levels[l]) * sd * Math.sqrt(1 + 1.0 / n);
                }
                java.util.Arrays.fill(q[l], mean + offset);
            }
            return new SeriesForecast(point, q);
        }

        @Override
        public ObjectNode state() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("mean", mean);
            node.put("sd", sd);
            node.put("n", n);
            return node;
        }
    }
}
