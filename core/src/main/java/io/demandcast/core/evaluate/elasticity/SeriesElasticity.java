package io.demandcast.core.evaluate.elasticity;

import java.util.Objects;

/**
 * One series' own-price elasticity: the slope {@code e} of {@code ln(units) = a + e ln(price) + controls}
 * fitted by ordinary least squares on its history, with its standard error and 95 % confidence
 * interval (Student t with {@code n - k} degrees of freedom, k coefficients). A 1 % price rise
 * changes units by about {@code e} %; demand that falls when price rises has {@code e < 0}.
 *
 * @param seriesId   the series
 * @param elasticity the estimate; NaN when not estimable
 * @param se         its standard error; NaN when not estimable
 * @param lo         lower bound of the 95 % interval; NaN when not estimable
 * @param hi         upper bound of the 95 % interval; NaN when not estimable
 * @param n          periods used (units &gt; 0 and price &gt; 0, controls known)
 * @param reason     why the series is not estimable (e.g. {@code no price variation}); null when it is
 */
public record SeriesElasticity(String seriesId, double elasticity, double se, double lo, double hi, int n, String reason) {

    public SeriesElasticity {
        Objects.requireNonNull(seriesId, "seriesId");
    }

    /** A series that could not be estimated, for {@code reason}. */
    public static SeriesElasticity notEstimable(String seriesId, int n, String reason) {
        return new SeriesElasticity(seriesId, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, Objects.requireNonNull(reason));
    }

    public boolean estimable() {
        return reason == null;
    }

    /** True when the whole 95 % interval is below zero. */
    public boolean significantlyNegative() {
        return estimable() && hi < 0;
    }
}
