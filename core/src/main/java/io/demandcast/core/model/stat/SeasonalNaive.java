package io.demandcast.core.model.stat;

import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import java.util.Map;

/**
 * Seasonal naive: the forecast for step h repeats the value one season earlier,
 * {@code y(T+h) = y(T+h-m(k+1))} with {@code k = floor((h-1)/m)}. With {@code m = 1} it is the naive
 * (random-walk) forecast. Intervals follow the random walk on seasonal differences (Hyndman &amp;
 * Athanasopoulos, FPP3 §5.5): {@code sd(h) = sigma * sqrt(k + 1)}, sigma the root mean square of
 * the in-sample seasonal differences, as R's {@code snaive()}/{@code naive()} compute them.
 */
public final class SeasonalNaive implements Forecaster {
    private final String family;
    private final int seasonLength;

    private SeasonalNaive(String family, int seasonLength) {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
        }
        this.family = family;
        this.seasonLength = seasonLength;
    }

    /** Seasonal naive with the given season length. */
    public static SeasonalNaive seasonal(int seasonLength) {
        return new SeasonalNaive(StatFamilies.SEASONAL_NAIVE, seasonLength);
    }

    /** Naive: the last value, repeated. */
    public static SeasonalNaive naive() {
        return new SeasonalNaive(StatFamilies.NAIVE, 1);
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
    public FittedModel fit(Panel history) {
        int n = history.seriesCount();
        String[] ids = new String[n];
        int[] lastPeriods = new int[n];
        double[][] tails = new double[n][];
        double[] sigmas = new double[n];
        for (int s = 0; s < n; s++) {
            ids[s] = history.seriesId(s);
            double[] y = history.values(s);
            lastPeriods[s] = history.length(s) == 0 ? -1 : history.lastPeriod(s);
            tails[s] = lastSeason(y);
            sigmas[s] = residualScale(y);
        }
        return new FittedSeasonalNaive(family, seasonLength, history.axis(), ids, lastPeriods, tails, sigmas);
    }

    /**
     * The last m values, where a missing one (NaN, or before the series began) is taken from the
     * same season position further back, else from the last observed value, else 0; so the forecast
     * is always finite.
     */
    private double[] lastSeason(double[] y) {
        double[] tail = new double[seasonLength];
        double lastObserved = 0;
        for (int i = y.length - 1; i >= 0; i--) {
            if (!Double.isNaN(y[i])) {
                lastObserved = y[i];
                break;
            }
        }
        for (int j = 0; j < seasonLength; j++) {
            double value = Double.NaN;
            for (int i = y.length - seasonLength + j; i >= 0 && Double.isNaN(value); i -= seasonLength) {
                if (i < y.length) {
                    value = y[i];
                }
            }
            tail[j] = Double.isNaN(value) ? lastObserved : value;
        }
        return tail;
    }

    /** Root mean square of the seasonal differences that can be formed; 0 when none can. */
    private double residualScale(double[] y) {
        double sum = 0;
        int count = 0;
        for (int t = seasonLength; t < y.length; t++) {
            double d = y[t] - y[t - seasonLength];
            if (!Double.isNaN(d)) {
                sum += d * d;
                count++;
            }
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }
}
