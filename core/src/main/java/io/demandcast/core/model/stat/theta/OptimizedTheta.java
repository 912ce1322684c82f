package io.demandcast.core.model.stat.theta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.Map;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * The Optimised Theta Model (OTM) of Fiorucci et al. (2016), "Models for optimising the theta
 * method and their relationship to state space models", IJF 32(4): the theta coefficient is
 * estimated with alpha and the initial level instead of being fixed at 2.
 *
 * <p>Model (t = 1..n, A and B the least-squares intercept and slope of the adjusted series on t,
 * {@code c = 1 - 1/theta}):
 * <pre>
 *   y(t)  = mu(t) + e(t)
 *   mu(t) = l(t-1) + c * ((1-alpha)^(t-1) * A + (1 - (1-alpha)^t) / alpha * B)
 *   l(t)  = alpha * y(t) + (1-alpha) * l(t-1)
 *   f(n+h) = l(n) + c * ((1-alpha)^n * A + (h - 1 + (1 - (1-alpha)^(n+1)) / alpha) * B)
 * </pre>
 * Estimation minimises the sum of squared one-step errors e(1..n). For a fixed alpha the errors
 * are linear in {@code (l0, c)}, so these are solved exactly by least squares with theta &gt;= 1
 * (c in [0, 1)); alpha in [0.1, 0.99] (statsforecast's {@code OptimizedTheta} bounds) is searched
 * on a grid and refined with Brent's method. theta = 2 and the SES level give back the standard
 * theta model (STM).
 *
 * <p>Seasonality: thetaf's test and multiplicative adjustment, as {@link Theta}. Intervals: normal
 * with {@code sd(h) = sigma * sqrt(1 + (h-1) * alpha^2)} (exact for this model's noise, whose
 * drift term is deterministic), {@code sigma^2 = sse / (n - 3)}, on the adjusted scale. Series
 * with fewer than 4 values (too few for three parameters) use theta = 2 with {@link Theta}'s SES
 * level, alpha and sigma, and no A term.
 */
public final class OptimizedTheta implements SeriesMethod {
    static final double ALPHA_LOWER = 0.1;
    static final double ALPHA_UPPER = 0.99;
    private static final double C_MAX = 1 - 1e-10;
    private static final int GRID = 30;

    private final int seasonLength;

    /**
     * @throws IllegalArgumentException when {@code seasonLength < 1}
     */
    public OptimizedTheta(int seasonLength) {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
        }
        this.seasonLength = seasonLength;
    }

    @Override
    public String family() {
        return ThetaFamilies.OPTIMIZED_THETA;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("season_length", seasonLength);
    }

    /** Estimates for one alpha: {l0, c, sse}. */
    static double[] solve(double[] y, double alpha, double a, double b) {
        int n = y.length;
        double keep = 1 - alpha;
        // e(t) = r(t) - p(t) * l0 - g(t) * c, with r = y - (level path started at 0)
        double spp = 0;
        double spg = 0;
        double sgg = 0;
        double spr = 0;
        double sgr = 0;
        double base = 0;
        double p = 1;
        for (int t = 1; t <= n; t++) {
            double g = p * a + (1 - p * keep) / alpha * b;
            double r = y[t - 1] - base;
            spp += p * p;
            spg += p * g;
            sgg += g * g;
            spr += p * r;
            sgr += g * r;
            base = alpha * y[t - 1] + keep * base;
            p *= keep;
        }
        double det = spp * sgg - spg * spg;
        double l0;
        double c;
        if (det > 1e-12 * spp * sgg) {
            l0 = (sgg * spr - spg * sgr) / det;
            c = (spp * sgr - spg * spr) / det;
        } else {
            c = sgg > 0 ? sgr / sgg : 0;
            l0 = 0;
        }
        if (c < 0 || c > C_MAX || !Double.isFinite(c)) {
            c = !Double.isFinite(c) || c < 0 ? 0 : C_MAX;
            l0 = (spr - spg * c) / spp;
        }
        return new double[] {l0, c, sse(y, alpha, a, b, l0, c)[0]};
    }

    /** {sse, final level}. */
    static double[] sse(double[] y, double alpha, double a, double b, double l0, double c) {
        double keep = 1 - alpha;
        double level = l0;
        double p = 1;
        double sse = 0;
        for (int t = 1; t <= y.length; t++) {
            double mu = level + c * (p * a + (1 - p * keep) / alpha * b);
            double e = y[t - 1] - mu;
            sse += e * e;
            level = alpha * y[t - 1] + keep * level;
            p *= keep;
        }
        return new double[] {sse, level};
    }

    @Override
    public SeriesFit fit(double[] y) {
        int n = y.length;
        if (n < 4) {
            Theta.Fit f = (Theta.Fit) new Theta(seasonLength).fit(y);
            // the standard model in OTM form: theta = 2, A's term absent
            return new Fit(f.level(), f.alpha(), 0, f.drift() * 2, 0.5, n, f.sigma2(), f.season());
        }
        Theta.Adjusted adjusted = Theta.adjust(y, seasonLength);
        double[] x = adjusted.values();
        double b = Theta.slope(x);
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double a = mean - b * (n + 1) / 2.0;
        double step = (ALPHA_UPPER - ALPHA_LOWER) / GRID;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double v = solve(x, ALPHA_LOWER + i * step, a, b)[2];
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double alpha = ALPHA_LOWER + best * step;
        UnivariatePointValuePair opt = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(500), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(al -> solve(x, al, a, b)[2]),
                new SearchInterval(ALPHA_LOWER + Math.max(0, best - 1) * step, ALPHA_LOWER + Math.min(GRID, best + 1) * step, alpha));
        if (opt.getValue() < bestValue) {
            alpha = opt.getPoint();
        }
        double[] est = solve(x, alpha, a, b);
        double[] run = sse(x, alpha, a, b, est[0], est[1]);
        double sigma2 = run[0] / (n - 3);
        if (!Double.isFinite(run[1]) || !Double.isFinite(sigma2) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return new Fit(y[n - 1], ALPHA_LOWER, 0, 0, 0, n, 0, null);
        }
        return new Fit(run[1], alpha, a, b, est[1], n, sigma2, adjusted.nextIndices());
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
        return new Fit(state.path("level").asDouble(), state.path("alpha").asDouble(), state.path("a").asDouble(),
                state.path("b").asDouble(), state.path("c").asDouble(), state.path("n").asInt(), state.path("sigma2").asDouble(), season);
    }

    /**
     * @param c      {@code 1 - 1/theta}
     * @param season multiplicative indices of the next m steps, or null
     */
    record Fit(double level, double alpha, double a, double b, double c, int n, double sigma2, double[] season) implements SeriesFit {

        double theta() {
            return c >= C_MAX ? Double.POSITIVE_INFINITY : 1 / (1 - c);
        }

        @Override
        public SeriesForecast forecast(int horizon, double[] levels) {
            double[] point = new double[horizon];
            double[] sd = new double[horizon];
            double keep = 1 - alpha;
            double aTerm = Math.pow(keep, n) * a;
            double bOffset = (1 - Math.pow(keep, n + 1)) / alpha;
            double sigma = Math.sqrt(sigma2);
            for (int i = 0; i < horizon; i++) {
                double f = level + c * (aTerm + (i + bOffset) * b);
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
            node.put("a", a);
            node.put("b", b);
            node.put("c", c);
            node.put("theta", Double.isFinite(theta()) ? theta() : 1e10);
            node.put("n", n);
            node.put("sigma2", sigma2);
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
