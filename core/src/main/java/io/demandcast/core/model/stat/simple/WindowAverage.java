package io.demandcast.core.model.stat.simple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.Map;

/**
 * Window averages (statsforecast's {@code WindowAverage} and {@code SeasonalWindowAverage}):
 * <ul>
 *   <li>{@code window_average}: every step forecasts the mean of the last {@code window} values;</li>
 *   <li>{@code seasonal_window_average}: step h forecasts the mean of the values at the same season
 *       position in the last {@code windows} seasons (season length m).</li>
 * </ul>
 * The first is the second with {@code m = 1}. A series shorter than the window averages what it
 * has; a season position with no value at all takes the last value (0 for an empty series).
 *
 * <p>Intervals (no R or statsforecast analytic equivalent): normal with a constant
 * {@code sd = sqrt(mean e(t)^2)}, e(t) the in-sample one-step errors of the same average wherever
 * a full window precedes t; 0 (quantiles on the point) when no such t exists.
 */
public final class WindowAverage implements SeriesMethod {
    private final String family;
    private final int seasonLength;
    private final int windows;

    private WindowAverage(String family, int seasonLength, int windows) {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
        }
        if (windows < 1) {
            throw new IllegalArgumentException((seasonLength == 1 ? "window" : "windows") + " must be >= 1 (got " + windows + ")");
        }
        this.family = family;
        this.seasonLength = seasonLength;
        this.windows = windows;
    }

    /** Mean of the last {@code window} values. */
    public static WindowAverage plain(int window) {
        return new WindowAverage(SimpleFamilies.WINDOW_AVERAGE, 1, window);
    }

    /** Per season position, mean of the last {@code windows} seasons. */
    public static WindowAverage seasonal(int seasonLength, int windows) {
        return new WindowAverage(SimpleFamilies.SEASONAL_WINDOW_AVERAGE, seasonLength, windows);
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public Map<String, Object> parameters() {
        return family.equals(SimpleFamilies.WINDOW_AVERAGE) ? Map.of("window", windows)
                : Map.of("season_length", seasonLength, "windows", windows);
    }

    @Override
    public SeriesFit fit(double[] y) {
        int n = y.length;
        int m = seasonLength;
        double last = n == 0 ? 0 : y[n - 1];
        double[] next = new double[m];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            int count = 0;
            for (int r = 0; r < windows; r++) {
                int t = n - m + j - r * m;
                if (t >= 0) {
                    sum += y[t];
                    count++;
                }
            }
            next[j] = count == 0 ? last : sum / count;
        }
        double ss = 0;
        int count = 0;
        for (int t = windows * m; t < n; t++) {
            double sum = 0;
            for (int r = 1; r <= windows; r++) {
                sum += y[t - r * m];
            }
            double e = y[t] - sum / windows;
            ss += e * e;
            count++;
        }
        return new Fit(next, count == 0 ? 0 : Math.sqrt(ss / count));
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
        JsonNode arr = state.path("next");
        if (arr.size() != seasonLength) {
            throw new IllegalArgumentException("next has " + arr.size() + " values, expected " + seasonLength);
        }
        double[] next = new double[seasonLength];
        for (int j = 0; j < seasonLength; j++) {
            next[j] = arr.get(j).asDouble();
        }
        return new Fit(next, state.path("sigma").asDouble());
    }

    /** @param next forecasts of the next m steps */
    record Fit(double[] next, double sigma) implements SeriesFit {
        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            double[] point = new double[horizon];
            double[] sd = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                point[i] = next[i % next.length];
                sd[i] = sigma;
            }
            return NormalIntervals.of(point, sd, levels);
        }

        @Override
        public ObjectNode state() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ArrayNode arr = node.putArray("next");
            for (double v : next) {
                arr.add(v);
            }
            node.put("sigma", sigma);
            return node;
        }
    }
}
