package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import java.util.Map;

/**
 * Seasonal naive: the forecast for step h repeats the value one season earlier,
 * {@code y(T+h) = y(T+h-m(k+1))} with {@code k = floor((h-1)/m)}. With {@code m = 1} it is the naive
 * (random-walk) forecast. Intervals follow the random walk on seasonal differences (Hyndman &amp;
 * Athanasopoulos, FPP3 §5.5): {@code sd(h) = sigma * sqrt(k + 1)}, sigma the root mean square of
 * the in-sample seasonal differences, as R's {@code snaive()}/{@code naive()} compute them.
 */
public final class SeasonalNaive implements SeriesMethod {
    private final String family;
    private final int seasonLength;

    SeasonalNaive(String family, int seasonLength) {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
        }
        this.family = family;
        this.seasonLength = seasonLength;
    }

    /** Seasonal naive with the given season length, over every series of a panel. */
    public static LocalForecaster seasonal(int seasonLength) {
        return new LocalForecaster(new SeasonalNaive(StatFamilies.SEASONAL_NAIVE, seasonLength));
    }

    /** Naive: the last value, repeated. */
    public static LocalForecaster naive() {
        return new LocalForecaster(new SeasonalNaive(StatFamilies.NAIVE, 1));
    }

    @Override
    public String family() {
        return family;
    }

    public int seasonLength() {
        return seasonLength;
    }

    @Override
    public Map<String, Object> parameters() {
        return family.equals(StatFamilies.NAIVE) ? Map.of() : Map.of("season_length", seasonLength);
    }

    @Override
    public SeriesFit fit(double[] y) {
        return new Fit(lastSeason(y), residualScale(y));
    }

    /**
     * An empty series forecasts 0 ({@code no_data}, used {@code zero}); one shorter than a season
     * repeats its last value where the value a season earlier lies before its start
     * ({@code season_longer_than_data}, used {@code naive}).
     */
    @Override
    public io.demandcast.core.model.FamilyUsed familyUsed(double[] y, SeriesFit fit) {
        if (y.length == 0) {
            return StatFallbacks.noData();
        }
        if (y.length < seasonLength) {
            return io.demandcast.core.model.FamilyUsed.fallback(StatFamilies.NAIVE, io.demandcast.core.model.FallbackReason.SEASON_LONGER_THAN_DATA);
        }
        return null;
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
        JsonNode tail = state.path("last_season");
        if (tail.size() != seasonLength) {
            throw new IllegalArgumentException("last_season has " + tail.size() + " values, expected " + seasonLength);
        }
        double[] values = new double[seasonLength];
        for (int j = 0; j < seasonLength; j++) {
            values[j] = tail.get(j).asDouble();
        }
        return new Fit(values, state.path("sigma").asDouble());
    }

    /**
     * The last m values; where the series is shorter than a season, the missing positions take the
     * last value (0 for an empty series), so the forecast is always finite.
     */
    private double[] lastSeason(double[] y) {
        double[] tail = new double[seasonLength];
        double last = y.length == 0 ? 0 : y[y.length - 1];
        for (int j = 0; j < seasonLength; j++) {
            int i = y.length - seasonLength + j;
            tail[j] = i >= 0 ? y[i] : last;
        }
        return tail;
    }

    /** Root mean square of the seasonal differences; 0 when none can be formed. */
    private double residualScale(double[] y) {
        double sum = 0;
        int count = 0;
        for (int t = seasonLength; t < y.length; t++) {
            double d = y[t] - y[t - seasonLength];
            sum += d * d;
            count++;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    private final class Fit implements SeriesFit {
        private final double[] tail;
        private final double sigma;

        Fit(double[] tail, double sigma) {
            this.tail = tail;
            this.sigma = sigma;
        }

        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            double[] point = new double[horizon];
            double[] sd = new double[horizon];
            for (int step = 0; step < horizon; step++) {
                point[step] = tail[step % seasonLength];
                sd[step] = sigma * Math.sqrt(step / seasonLength + 1);
            }
            return NormalIntervals.of(point, sd, levels);
        }

        /**
         * The (seasonal) random walk the intervals assume: {@code y(T+k) = y(T+k-m) + e}, e drawn from
         * N(0, sigma^2), the last season's values starting it.
         */
        @Override
        public SeriesSimulation simulation() {
            return new SeriesSimulation() {
                @Override
                public String pathMethod() {
                    return seasonLength == 1 ? "random_walk" : "seasonal_random_walk";
                }

                @Override
                public void simulate(double[] y, java.util.SplittableRandom random, double[][] paths) {
                    for (double[] path : paths) {
                        for (int k = 0; k < path.length; k++) {
                            double base = k < seasonLength ? tail[k] : path[k - seasonLength];
                            path[k] = base + sigma * random.nextGaussian();
                        }
                    }
                }
            };
        }

        @Override
        public ObjectNode state() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            var arr = node.putArray("last_season");
            for (double v : tail) {
                arr.add(v);
            }
            node.put("sigma", sigma);
            return node;
        }
    }
}
