package io.demandcast.core.model.stat.theta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.simple.Ses;
import java.util.Map;

/**
 * The standard Theta method (Assimakopoulos &amp; Nikolopoulos 2000) as R's {@code forecast::thetaf}
 * computes it (Hyndman &amp; Billah 2003: SES with drift):
 * <ol>
 *   <li>with {@code m > 1}, a non-constant series and more than {@code 2m} values, a 90% one-sided
 *       test of the lag-m autocorrelation: seasonal when
 *       {@code |r_m| > 1.645 * sqrt((1 + 2 * sum_{k<m} r_k^2) / n)};</li>
 *   <li>if seasonal, divide by the indices of a classical multiplicative decomposition (skipped, as in
 *       R, when an index is below 1e-4 in absolute value);</li>
 *   <li>SES with alpha and initial level searched on the mean squared error as R's {@code ses} does
 *       ({@link EtsSes}: ets's Nelder-Mead from ets's start, so it stops where R stops);</li>
 *   <li>add half the least-squares slope {@code b} of the (adjusted) series on time:
 *       {@code f(h) = level + b/2 * (h - 1 + (1 - (1-alpha)^n) / alpha)};</li>
 *   <li>multiply back the seasonal indices.</li>
 * </ol>
 * Intervals are thetaf's: normal with {@code sd(h) = sigma * sqrt(1 + (h-1) * alpha^2)}, sigma² the
 * SES residual variance ({@code sse / (n - 2)}) on the adjusted scale, not reseasonalised.
 */
public final class Theta implements SeriesMethod {
    /** {@code qnorm(0.95)}, the seasonality test's critical value. */
    static final double SEASONALITY_Z = 1.6448536269514722;

    private final int seasonLength;

    /**
     * @throws IllegalArgumentException when {@code seasonLength < 1}
     */
    public Theta(int seasonLength) {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
        }
        this.seasonLength = seasonLength;
    }

    @Override
    public String family() {
        return ThetaFamilies.THETA;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("season_length", seasonLength);
    }

    public int seasonLength() {
        return seasonLength;
    }

    /** thetaf's seasonality test (false when it does not apply). */
    static boolean isSeasonal(double[] y, int m) {
        int n = y.length;
        if (m <= 1 || n <= 2 * m || isConstant(y)) {
            return false;
        }
        double[] r = autocorrelations(y, m);
        double sum = 0;
        for (int k = 1; k < m; k++) {
            sum += r[k] * r[k];
        }
        double stat = Math.sqrt((1 + 2 * sum) / n);
        return Math.abs(r[m]) / stat > SEASONALITY_Z;
    }

    /** Sample autocorrelations r(0..maxLag) as R's {@code acf}: lagged cross-products over the total sum of squares. */
    static double[] autocorrelations(double[] y, int maxLag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        double[] r = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double c = 0;
            for (int t = 0; t + k < n; t++) {
                c += (y[t] - mean) * (y[t + k] - mean);
            }
            r[k] = c / c0;
        }
        return r;
    }

    private static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }

    /** Least-squares slope of y on 0..n-1; 0 for fewer than two values. */
    static double slope(double[] y) {
        int n = y.length;
        if (n < 2) {
            return 0;
        }
        double tMean = (n - 1) / 2.0;
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            sxy += (t - tMean) * (y[t] - yMean);
            sxx += (t - tMean) * (t - tMean);
        }
        return sxy / sxx;
    }

    /** An empty series ({@code no_data}); a single value is forecast as itself ({@code too_short}, used {@code naive}). */
    @Override
    public io.demandcast.core.model.FamilyUsed familyUsed(double[] y, SeriesFit fit) {
        if (y.length == 0) {
            return io.demandcast.core.model.stat.StatFallbacks.noData();
        }
        return y.length < 2 ? io.demandcast.core.model.FamilyUsed.fallback(io.demandcast.core.model.stat.StatFamilies.NAIVE,
                io.demandcast.core.model.FallbackReason.TOO_SHORT) : null;
    }

    @Override
    public SeriesFit fit(double[] y) {
        int n = y.length;
        if (n == 0) {
            return new Fit(0, 1, 0, 0, 0, null, 0);
        }
        Adjusted adjusted = adjust(y, seasonLength);
        double[] x = adjusted.values();
        double[] next = adjusted.nextIndices();
        Ses.Fit ses = EtsSes.fit(x);
        double alpha = Math.max(1e-10, ses.alpha());
        double drift = slope(x) / 2;
        double sigma2 = ses.sigma2();
        if (!Double.isFinite(ses.level()) || !Double.isFinite(drift) || !Double.isFinite(sigma2)) {
            return new Fit(y[n - 1], 1, 0, n, 0, null, y[0]);
        }
        return new Fit(ses.level(), alpha, drift, n, sigma2, next, ses.l0());
    }

    /**
     * The series divided by its multiplicative seasonal indices when thetaf's test finds it seasonal.
     *
     * @param values      the (adjusted) series
     * @param nextIndices the indices of the m steps after the series, or null when not adjusted
     */
    record Adjusted(double[] values, double[] nextIndices) {
    }

    /** thetaf's seasonal adjustment: test, decompose, divide (unchanged when not seasonal or an index is near 0). */
    static Adjusted adjust(double[] y, int m) {
        int n = y.length;
        if (!isSeasonal(y, m)) {
            return new Adjusted(y, null);
        }
        double[] idx = ClassicalDecomposition.seasonalIndices(y, m);
        if (idx == null || !allAwayFromZero(idx)) {
            return new Adjusted(y, null);
        }
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = y[t] / idx[t % m];
        }
        double[] next = new double[m];
        for (int j = 0; j < m; j++) {
            next[j] = idx[(n + j) % m];
        }
        return new Adjusted(x, next);
    }

    private static boolean allAwayFromZero(double[] idx) {
        for (double v : idx) {
            if (Math.abs(v) < 1e-4) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link UpdateMode#FILTER}: alpha, the drift (half the fitted slope), sigma², the seasonality
     * decision and the decomposition's indices are kept; the series is divided by the same
     * indices and the SES level re-run from the fitted initial level through it
     * ({@code Fit.filter}); the drift term's {@code n} becomes the new length. A non-finite result
     * (not expected for finite data) falls back to a refit.
     */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] y) {
        if (!(fitted instanceof Fit fit)) {
            throw new IllegalArgumentException(family() + " cannot update a fit it did not make (" + fitted.getClass().getSimpleName() + ")");
        }
        Fit filtered = fit.filter(y);
        return Double.isFinite(filtered.level()) ? filtered : fit(y);
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    @Override
    public SeriesFit load(JsonNode state) {
        JsonNode s = state.path("season");
        double[] season = null;
        if (s.isArray() && s.size() > 0) {
            if (s.size() != seasonLength) {
                throw new IllegalArgumentException("season has " + s.size() + " values, expected " + seasonLength);
            }
            season = new double[s.size()];
            for (int j = 0; j < season.length; j++) {
                season[j] = s.get(j).asDouble();
            }
        }
        // absent from states saved before updates existed: such a fit forecasts but cannot be updated
        double initialLevel = state.path("initial_level").isNumber() ? state.path("initial_level").asDouble() : Double.NaN;
        return new Fit(state.path("level").asDouble(), state.path("alpha").asDouble(), state.path("drift").asDouble(),
                state.path("n").asInt(), state.path("sigma2").asDouble(), season, initialLevel);
    }

    /**
     * @param level        SES level after the last value (on the adjusted scale)
     * @param n            length of the series the level has run through
     * @param season       the multiplicative indices of the next m steps, or null when not seasonal
     * @param initialLevel the level SES started from, NaN when unknown (a state saved before it was recorded)
     */
    record Fit(double level, double alpha, double drift, int n, double sigma2, double[] season, double initialLevel) implements SeriesFit {

        /**
         * This fit with alpha, drift, sigma² and the seasonal indices (and whether there are any)
         * kept: y is divided by the same indices, and the SES level re-run from
         * {@code initialLevel} through it. The fit runs the same steps, so the fitted series gives
         * back this fit.
         *
         * @param y the series from the same first value the model was fitted on, possibly extended
         * @throws IllegalArgumentException when the initial level is unknown
         */
        Fit filter(double[] y) {
            if (Double.isNaN(initialLevel)) {
                throw new IllegalArgumentException("this theta fit was saved without its initial_level (by an older demandcast) "
                        + "and cannot be updated; retrain the model");
            }
            int len = y.length;
            double[] x = y;
            double[] next = null;
            if (season != null) {
                int m = season.length;
                // season[j] is the index of position n + j, so position t takes season[(t - n) mod m]
                x = new double[len];
                for (int t = 0; t < len; t++) {
                    x[t] = y[t] / season[Math.floorMod(t - n, m)];
                }
                next = new double[m];
                for (int j = 0; j < m; j++) {
                    next[j] = season[Math.floorMod(len + j - n, m)];
                }
            }
            return new Fit(Ses.level(x, alpha, initialLevel), alpha, drift, len, sigma2, next, initialLevel);
        }

        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            double[] point = new double[horizon];
            double[] sd = new double[horizon];
            double offset = (1 - Math.pow(1 - alpha, n)) / alpha;
            double sigma = Math.sqrt(sigma2);
            for (int i = 0; i < horizon; i++) {
                double f = level + drift * (i + offset);
                if (season != null) {
                    f *= season[i % season.length];
                }
                point[i] = f;
                sd[i] = sigma * Math.sqrt(1 + i * alpha * alpha);
            }
            return NormalIntervals.of(point, sd, levels);
        }

        @Override
        public ObjectNode state() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("level", level);
            node.put("alpha", alpha);
            node.put("drift", drift);
            node.put("n", n);
            node.put("sigma2", sigma2);
            if (Double.isFinite(initialLevel)) {
                node.put("initial_level", initialLevel);
            }
            ArrayNode arr = node.putArray("season");
            if (season != null) {
                for (double v : season) {
                    arr.add(v);
                }
            }
            return node;
        }
    }
}
