package io.demandcast.core.model.stat.ets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;

/**
 * One series' fitted ETS model: its form, smoothing parameters, the state after the last
 * observation and the residual variance. Immutable. Forecasts are the analytic means and normal
 * quantiles with the analytic variances of {@link EtsForecasting}; models with a multiplicative
 * trend have none, and take {@link EtsSimulation}'s seeded simulation quantiles instead.
 *
 * <p>{@link #state()} writes, as plain JSON numbers, everything {@link #load} needs to forecast
 * identically: {@code model, m, alpha, beta, gamma, phi, sigma2, state[]} plus the fit statistics,
 * and {@code initial_state[]}, which {@link #filter} needs.
 */
public final class EtsFit implements SeriesFit {
    private final EtsModel model;
    private final int m;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double[] initialState;
    private final double[] state;
    private final double sigma2;
    private final Stats stats;

    /**
     * Fit statistics in R's terms.
     *
     * @param n          observations
     * @param parameters estimated parameters (smoothing parameters and free initial states)
     * @param lik        R's criterion: {@code -2 log L} without constants
     */
    public record Stats(int n, int parameters, double lik) {
        /** R's {@code loglik}. */
        public double logLik() {
            return -0.5 * lik;
        }

        /** Parameters counted by the criteria: the estimated ones plus the error variance. */
        private int k() {
            return parameters + 1;
        }

        public double aic() {
            return lik + 2 * k();
        }

        public double bic() {
            return lik + Math.log(n) * k();
        }

        public double aicc() {
            double k = k();
            return n - k - 1 > 0 ? aic() + 2 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * @param initialState the state the recursion started from, laid out as {@code state}; null when
     *                     unknown (a state saved before it was recorded)
     */
    EtsFit(EtsModel model, int m, double alpha, double beta, double gamma, double phi, double[] initialState,
           double[] state, double sigma2, Stats stats) {
        this.model = model;
        this.m = model.hasSeason() ? m : 1;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.initialState = initialState == null ? null : initialState.clone();
        this.state = state.clone();
        this.sigma2 = Double.isFinite(sigma2) && sigma2 > 0 ? sigma2 : 0;
        this.stats = stats;
    }

    public EtsModel model() {
        return model;
    }

    public double alpha() {
        return alpha;
    }

    /** 0 without trend. */
    public double beta() {
        return beta;
    }

    /** 0 without season. */
    public double gamma() {
        return gamma;
    }

    /** 1 without damping. */
    public double phi() {
        return phi;
    }

    public double sigma2() {
        return sigma2;
    }

    /** The state after the last observation, {@code [l, b?, s_1 .. s_m]} (s_1 most recent). */
    public double[] finalState() {
        return state.clone();
    }

    /**
     * The state the recursion started from before the first observation, laid out as
     * {@link #finalState()}; null for a model loaded from a state saved without it.
     */
    public double[] initialState() {
        return initialState == null ? null : initialState.clone();
    }

    public Stats stats() {
        return stats;
    }

    /** Forecast means for steps 1..h (R's {@code forecast(fit)$mean}). */
    public double[] mean(int horizon) {
        return model.trend() == EtsModel.Component.M ? EtsSimulation.point(model, m, phi, state, horizon) : moments(horizon).mean();
    }

    private EtsForecasting.Moments moments(int horizon) {
        return EtsForecasting.moments(model, m, alpha, beta, gamma, phi, state, sigma2, horizon);
    }

    /**
     * This model with its form, smoothing parameters, variance and fit statistics kept and its state
     * re-run by the recursion from {@link #initialState()} through {@code y}. The fit itself runs the
     * same recursion, so {@code y} being the fitted series gives back this fit's state.
     *
     * @param y the series from the same first value the model was fitted on, possibly extended
     * @return null when the fixed model cannot follow the data (its state becomes non-finite, or a
     *         multiplicative trend turns negative); this fit is unchanged either way
     * @throws IllegalArgumentException when the initial state is unknown (loaded from a state saved
     *                                  before it was recorded)
     */
    public EtsFit filter(double[] y) {
        if (initialState == null) {
            throw new IllegalArgumentException("this " + model.label() + " fit was saved without its initial_state "
                    + "(by an older demandcast) and cannot be updated; retrain the model");
        }
        int seasonsAt = model.hasTrend() ? 2 : 1;
        double[] seasons = model.hasSeason() ? java.util.Arrays.copyOfRange(initialState, seasonsAt, seasonsAt + m) : new double[m];
        double[] last = new double[state.length];
        // the recursion gives up before writing the state when a multiplicative trend turns negative
        java.util.Arrays.fill(last, Double.NaN);
        EtsRecursion.run(y, model, m, alpha, beta, gamma, phi, initialState[0], model.hasTrend() ? initialState[1] : 0,
                seasons, new double[m], null, last);
        for (double v : last) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return new EtsFit(model, m, alpha, beta, gamma, phi, initialState, last, sigma2, stats);
    }

    @Override
    public SeriesForecast forecast(int horizon, double[] levels) {
        if (horizon <= 0) {
            return new SeriesForecast(new double[0], new double[levels.length][0]);
        }
        if (model.trend() == EtsModel.Component.M) {
            return simulated(horizon, levels);
        }
        EtsForecasting.Moments mo = moments(horizon);
        double[] point = mo.mean();
        double[] sd = new double[horizon];
        double lastFinite = state[0];
        for (int i = 0; i < horizon; i++) {
            if (!Double.isFinite(point[i])) {
                point[i] = lastFinite;
            }
            lastFinite = point[i];
            double v = mo.variance()[i];
            sd[i] = Double.isFinite(v) && v > 0 ? Math.sqrt(v) : 0;
        }
        return NormalIntervals.of(point, sd, levels);
    }

    /** Multiplicative trend: deterministic point forecast, quantiles from seeded simulation; NaN-free. */
    private SeriesForecast simulated(int horizon, double[] levels) {
        double[] point = EtsSimulation.point(model, m, phi, state, horizon);
        double[][] q = EtsSimulation.quantiles(model, m, alpha, beta, gamma, phi, state, sigma2, horizon, levels);
        double lastFinite = state[0];
        for (int i = 0; i < horizon; i++) {
            if (!Double.isFinite(point[i])) {
                point[i] = lastFinite;
            }
            lastFinite = point[i];
            for (double[] level : q) {
                if (!Double.isFinite(level[i])) {
                    level[i] = point[i];
                }
            }
        }
        return new SeriesForecast(point, q);
    }

    /**
     * Paths of this model from its final state with N(0, sigma2) errors ({@link EtsSimulation#path}),
     * every form the family fits (additive or multiplicative error, trend, damping, season).
     */
    @Override
    public io.demandcast.core.model.stat.SeriesSimulation simulation() {
        return new io.demandcast.core.model.stat.SeriesSimulation() {
            @Override
            public String pathMethod() {
                return "ets_simulation";
            }

            @Override
            public void simulate(double[] y, java.util.SplittableRandom random, double[][] paths) {
                double[] season = new double[Math.max(m, 1)];
                for (double[] path : paths) {
                    EtsSimulation.path(model, m, alpha, beta, gamma, phi, state, sigma2, random, season, path);
                }
            }
        };
    }

    @Override
    public ObjectNode state() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("model", model.code());
        node.put("m", m);
        node.put("alpha", alpha);
        node.put("beta", beta);
        node.put("gamma", gamma);
        node.put("phi", phi);
        node.put("sigma2", sigma2);
        ArrayNode s = node.putArray("state");
        for (double v : state) {
            s.add(v);
        }
        if (initialState != null) {
            ArrayNode init = node.putArray("initial_state");
            for (double v : initialState) {
                init.add(v);
            }
        }
        node.put("n", stats.n());
        node.put("parameters", stats.parameters());
        node.put("lik", stats.lik());
        return node;
    }

    /**
     * Reads what {@link #state()} wrote.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static EtsFit load(JsonNode node) {
        EtsModel model = EtsModel.parse(text(node, "model"));
        int m = (int) number(node, "m");
        JsonNode s = node.get("state");
        int expected = 1 + (model.hasTrend() ? 1 : 0) + (model.hasSeason() ? m : 0);
        if (s == null || !s.isArray() || s.size() != expected) {
            throw new IllegalArgumentException("state of a " + model.code() + " model with m=" + m + " must hold "
                    + expected + " numbers (got " + s + ")");
        }
        double[] state = new double[expected];
        for (int i = 0; i < expected; i++) {
            state[i] = s.get(i).asDouble();
        }
        // absent from states saved before updates existed: such a fit forecasts but cannot be updated
        JsonNode init = node.get("initial_state");
        double[] initialState = null;
        if (init != null) {
            if (!init.isArray() || init.size() != expected) {
                throw new IllegalArgumentException("initial_state of a " + model.code() + " model with m=" + m + " must hold "
                        + expected + " numbers (got " + init + ")");
            }
            initialState = new double[expected];
            for (int i = 0; i < expected; i++) {
                initialState[i] = init.get(i).asDouble();
            }
        }
        Stats stats = new Stats((int) number(node, "n"), (int) number(node, "parameters"), number(node, "lik"));
        return new EtsFit(model, m, number(node, "alpha"), number(node, "beta"), number(node, "gamma"),
                number(node, "phi"), initialState, state, number(node, "sigma2"), stats);
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("ETS state: '" + key + "' must be a string (got " + v + ")");
        }
        return v.textValue();
    }

    private static double number(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("ETS state: '" + key + "' must be a number (got " + v + ")");
        }
        return v.doubleValue();
    }

    @Override
    public String toString() {
        return model.label() + " alpha=" + alpha + " beta=" + beta + " gamma=" + gamma + " phi=" + phi
                + " sigma2=" + sigma2 + " aicc=" + stats.aicc();
    }
}
