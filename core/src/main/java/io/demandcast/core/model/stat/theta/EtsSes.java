package io.demandcast.core.model.stat.theta;

import io.demandcast.core.model.stat.simple.Ses;

/**
 * Simple exponential smoothing fitted as R's {@code ses(x)} fits it for {@code thetaf}: that is
 * {@code ets(x, "ANN", opt.crit = "mse")}, i.e. alpha and the initial level {@code l0} searched
 * together by Nash's Nelder-Mead (R's {@code optim} variant, as {@link SesNelderMead} runs it, reltol
 * {@code sqrt(.Machine$double.eps)}, 2000 evaluations) on the mean squared one-step error, from
 * ets's start ({@code alpha = 1e-4 + 0.2 * (0.9999 - 1e-4)}, {@code l0} = the mean of the first
 * ten values) with alpha held in ets's usual bounds [1e-4, 0.9999].
 *
 * <p>Why not the exact least-squares optimum ({@link Ses#optimal}, which theta used before): the
 * search often stops short of it, and thetaf's forecasts are those of where it stops. Matching the
 * search made theta agree with R on 913 of 913 Dominick's series instead of 764, and the exact
 * optimum forecast no better there (sMAPE 65.61 against R's 65.27, scripts/bench/percore.sh theta).
 */
final class EtsSes {
    private static final double ALPHA_LOWER = Ses.ETS_ALPHA_LOWER;
    private static final double ALPHA_UPPER = Ses.ETS_ALPHA_UPPER;
    /** R's {@code sqrt(.Machine$double.eps)}. */
    private static final double RELATIVE_TOLERANCE = Math.sqrt(Math.ulp(1.0));
    private static final int MAX_EVALUATIONS = 2000;
    /** ets fits ANN only with more than {@code npars + 4} values ({@code npars} = 2); shorter series go to {@link Ses#optimal}. */
    static final int MIN_LENGTH = 7;

    private EtsSes() {
    }

    /** The fit R's {@code ses} makes; series shorter than {@value #MIN_LENGTH} take the least-squares optimum. */
    static Ses.Fit fit(double[] y) {
        int n = y.length;
        if (n < MIN_LENGTH) {
            return Ses.optimal(y);
        }
        int first = Math.min(10, n);
        double l0 = 0;
        for (int t = 0; t < first; t++) {
            l0 += y[t];
        }
        l0 /= first;
        SesNelderMead.Result best = SesNelderMead.minimise(y, ALPHA_LOWER, ALPHA_UPPER,
                ALPHA_LOWER + 0.2 * (ALPHA_UPPER - ALPHA_LOWER), l0, RELATIVE_TOLERANCE, MAX_EVALUATIONS);
        return new Ses.Fit(best.alpha(), best.level0(), best.level(), best.sse(), n);
    }
}
