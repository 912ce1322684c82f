package io.demandcast.core.plan;

import io.demandcast.core.model.Forecast;
import java.util.HashMap;
import java.util.Map;

/**
 * Lead-time demand from what every model's forecast has: point forecasts and quantiles per step. The
 * demand over the next n periods is taken as normal with
 * <pre>
 *   mean  = sum over steps 1..n of the point forecast (clipped at 0 when the model's forecasts are)
 *   sd    = sqrt(sum over steps 1..n of sigma_k^2),   sigma_k = (q_hi(k) - q_lo(k)) / (z_hi - z_lo)
 * </pre>
 * where {@code q_lo, q_hi} are the forecast's quantiles at the two levels closest to 0.1 and 0.9 on
 * either side of 0.5 (for 0.1 and 0.9: {@code (q0.9 - q0.1) / (2 * 1.2816)}). Summing the per-step
 * variances assumes the steps' errors independent, which understates the spread of models whose errors
 * persist across steps (a random walk's, a level shift): the sample-path estimators correct that. The
 * one-step {@code sigma_1} and the mean per period also feed the {@link NormalBaseline}.
 */
public final class QuantileLeadTimes implements LeadTimeSource {
    /**
     * The {@code method} column's value for this estimator, in {@code plan}'s CSV and in
     * {@code predict --lead-time}'s for a series whose fit cannot simulate.
     */
    public static final String METHOD = "normal_from_quantiles";

    private final Forecast forecast;
    private final boolean clipAtZero;
    private final int lo;
    private final int hi;
    private final double zSpan;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @param forecast   the model's forecast, quantiles not clipped at zero
     * @param clipAtZero whether the model's point forecasts are clipped at zero in what {@code predict} publishes
     * @throws IllegalArgumentException when the forecast has no quantile level below 0.5 and none above
     */
    public QuantileLeadTimes(Forecast forecast, boolean clipAtZero) {
        this.forecast = forecast;
        this.clipAtZero = clipAtZero;
        double[] levels = forecast.levels();
        int below = -1;
        int above = -1;
        for (int l = 0; l < levels.length; l++) {
            if (levels[l] < 0.5 && (below < 0 || Math.abs(levels[l] - 0.1) < Math.abs(levels[below] - 0.1))) {
                below = l;
            }
            if (levels[l] > 0.5 && (above < 0 || Math.abs(levels[l] - 0.9) < Math.abs(levels[above] - 0.9))) {
                above = l;
            }
        }
        if (below < 0 || above < 0) {
            throw new IllegalArgumentException("lead-time demand from forecast quantiles needs a level below 0.5 and one above (the forecast has "
                    + java.util.Arrays.toString(levels) + "); add 0.1 and 0.9 to predict.quantiles");
        }
        this.lo = below;
        this.hi = above;
        this.zSpan = NormalLeadTimeDemand.z(levels[above]) - NormalLeadTimeDemand.z(levels[below]);
        for (int s = 0; s < forecast.seriesCount(); s++) {
            index.put(forecast.seriesId(s), s);
        }
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** @throws IllegalArgumentException for a series the forecast lacks or more periods than its horizon */
    @Override
    public NormalLeadTimeDemand demand(String seriesId, int periods) {
        int s = series(seriesId, periods);
        double mean = 0;
        double variance = 0;
        for (int k = 0; k < periods; k++) {
            mean += point(s, k);
            double sigma = sigma(s, k);
            variance += sigma * sigma;
        }
        return new NormalLeadTimeDemand(mean, Math.sqrt(variance));
    }

    /** The mean forecast per period over the next {@code periods}: the baseline's {@code mu}. */
    public double meanPerPeriod(String seriesId, int periods) {
        int s = series(seriesId, periods);
        double sum = 0;
        for (int k = 0; k < periods; k++) {
            sum += point(s, k);
        }
        return sum / periods;
    }

    /** The one-step-ahead standard deviation: the baseline's {@code sigma_1}. */
    public double sigma1(String seriesId) {
        return sigma(series(seriesId, 1), 0);
    }

    private double point(int s, int k) {
        double p = forecast.point(s, k);
        return clipAtZero ? Math.max(p, 0) : p;
    }

    private double sigma(int s, int k) {
        return Math.max(forecast.quantile(hi, s, k) - forecast.quantile(lo, s, k), 0) / zSpan;
    }

    private int series(String seriesId, int periods) {
        Integer s = index.get(seriesId);
        if (s == null) {
            throw new IllegalArgumentException("series '" + seriesId + "' is not in the forecast");
        }
        if (periods < 1 || periods > forecast.horizon()) {
            throw new IllegalArgumentException("lead-time demand over " + periods + " periods from a forecast of " + forecast.horizon() + " steps");
        }
        return s;
    }
}
