package io.demandcast.core.model.stat.arima;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Automatic ARIMA order selection as R's {@code forecast::auto.arima()} (Hyndman &amp; Khandakar
 * 2008): seasonal differences from the STL seasonal strength ({@code nsdiffs(test = "seas")}),
 * first differences from repeated KPSS tests ({@code ndiffs}), then a stepwise search over
 * {@code (p, q, P, Q)} and the constant that moves to the best neighbour until none improves the
 * information criterion (at most 94 models). Models with AR or MA roots within 1.01 of the unit
 * circle, or whose coefficient covariance cannot be computed, are rejected. For long series
 * ({@code n > 150}) or season lengths above 12 (seasonal or not, as R looks at the data's frequency)
 * the search ranks models by CSS ("approximation") and refits the best by exact likelihood, started
 * from its CSS fit. Never throws on data: degenerate series fall back to a mean, a
 * drift, or a random walk, as auto.arima does for constant and polynomial data.
 */
public final class AutoArima {
    private static final int MAX_MODELS = 94;
    private static final int MAX_ORDER = 5;

    /** Information criterion that ranks candidate models. */
    public enum Criterion { AICC, AIC, BIC }

    /**
     * Search limits and switches, with auto.arima's defaults in {@link #defaults(int)}.
     *
     * @param seasonLength period m of the seasonal part (1: non-seasonal)
     */
    public record Options(int seasonLength, int maxP, int maxQ, int maxSeasonalP, int maxSeasonalQ, int maxD,
                          int maxSeasonalD, boolean stepwise, boolean seasonal, Criterion criterion) {
        public Options {
            if (seasonLength < 1) {
                throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
            }
            check("max_p", maxP);
            check("max_q", maxQ);
            check("max_P", maxSeasonalP);
            check("max_Q", maxSeasonalQ);
            check("max_d", maxD);
            check("max_D", maxSeasonalD);
            if (criterion == null) {
                throw new IllegalArgumentException("ic must be one of aicc, aic, bic (got null)");
            }
        }

        private static void check(String key, int v) {
            if (v < 0) {
                throw new IllegalArgumentException(key + " must be >= 0 (got " + v + ")");
            }
        }

        /** auto.arima's defaults: max.p = max.q = 5, max.P = max.Q = 2, max.d = 2, max.D = 1, stepwise, seasonal, AICc. */
        public static Options defaults(int seasonLength) {
            return new Options(seasonLength, 5, 5, 2, 2, 2, 1, true, true, Criterion.AICC);
        }
    }

    private final Options options;
    private final Consumer<String> trace;

    public AutoArima(Options options) {
        this(options, null);
    }

    /** With a trace sink that receives one line per fitted candidate (like auto.arima's {@code trace = TRUE}). */
    AutoArima(Options options, Consumer<String> trace) {
        this.options = options;
        this.trace = trace;
    }

    public Options options() {
        return options;
    }

    private static final class Candidate {
        final ArimaOrder order;
        final ArimaFitter.Fit fit;
        double ic;
        boolean checked;

        Candidate(ArimaOrder order, ArimaFitter.Fit fit, double ic) {
            this.order = order;
            this.fit = fit;
            this.ic = ic;
        }
    }

    /** Selects and fits a model; never null. */
    public ArimaModel fit(double[] y) {
        return select(y).model();
    }

    /** A selected model and, when it is one of the {@link Fallbacks}, why (else null). */
    record Selected(ArimaModel model, io.demandcast.core.model.FamilyUsed fallback) {
        static Selected of(ArimaModel model) {
            return new Selected(model, null);
        }

        static Selected fallback(ArimaModel model, io.demandcast.core.model.FallbackReason reason) {
            return new Selected(model, io.demandcast.core.model.FamilyUsed.fallback(Fallbacks.family(model), reason));
        }
    }

    /** {@link #fit} saying whether it fell back. */
    Selected select(double[] y) {
        int n = y.length;
        if (n == 0) {
            return new Selected(Fallbacks.mean(new double[0]), io.demandcast.core.model.stat.StatFallbacks.noData());
        }
        if (UnitRoots.isConstant(y)) {
            return Selected.fallback(Fallbacks.mean(y), io.demandcast.core.model.FallbackReason.CONSTANT);
        }
        Options o = options;
        int m = o.seasonal() ? o.seasonLength() : 1;
        int maxP = Math.min(o.maxP(), n / 3);
        int maxQ = Math.min(o.maxQ(), n / 3);
        int maxSP = Math.min(o.maxSeasonalP(), n / 3 / m);
        int maxSQ = Math.min(o.maxSeasonalQ(), n / 3 / m);
        Criterion ic = n <= 3 ? Criterion.AIC : o.criterion();
        int seasonalD;
        if (m == 1) {
            seasonalD = 0;
            maxSP = 0;
            maxSQ = 0;
        } else if (n <= 2 * m) {
            seasonalD = 0;
        } else {
            seasonalD = UnitRoots.nsdiffs(y, m, o.maxSeasonalD());
        }
        ArimaOrder seasonalDiff = new ArimaOrder(0, 0, 0, 0, seasonalD, 0, m, false);
        double[] dx = seasonalD > 0 ? ArimaFitter.difference(y, seasonalDiff) : y;
        int d = dx.length == 0 ? 0 : UnitRoots.ndiffs(dx, o.maxD());
        if (d > 0) {
            dx = ArimaFitter.difference(dx, ArimaOrder.of(0, d, 0));
        }
        if (dx.length == 0) {
            return Selected.fallback(Fallbacks.naive(y), io.demandcast.core.model.FallbackReason.TOO_SHORT);
        }
        if (UnitRoots.isConstant(dx)) {
            return Selected.of(polynomialData(y, dx, d, seasonalD, m));
        }
        if (m > 1) {
            if (maxSP > 0) {
                maxP = Math.min(maxP, m - 1);
            }
            if (maxSQ > 0) {
                maxQ = Math.min(maxQ, m - 1);
            }
        }
        // R's default approximation = (length(x) > 150 | frequency(x) > 12) looks at the data's
        // frequency, also when seasonal = FALSE has set m to 1 (weekly data is always approximated)
        boolean approximation = n > 150 || o.seasonLength() > 12;
        double offset = 0;
        if (approximation) {
            ArimaOrder base = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m, d + seasonalD == 0);
            ArimaFitter.Fit f = ArimaFitter.fit(y, base, EstimationMethod.CSS_ML);
            if (f != null) {
                offset = -2 * f.loglik - n * Math.log(f.sigma2);
            }
        }
        boolean allowDrift = d + seasonalD == 1;
        boolean allowMean = d + seasonalD == 0;
        boolean constant = allowDrift || allowMean;
        Search s = new Search(y, d, seasonalD, m, ic, approximation, offset);

        Candidate best;
        if (!o.stepwise()) {
            best = null;
            for (int i = 0; i <= maxP; i++) {
                for (int j = 0; j <= maxQ; j++) {
                    for (int sp = 0; sp <= maxSP; sp++) {
                        for (int sq = 0; sq <= maxSQ; sq++) {
                            if (i + j + sp + sq > MAX_ORDER) {
                                continue;
                            }
                            for (int c = constant ? 1 : 0; c >= 0; c--) {
                                Candidate cand = s.fit(i, j, sp, sq, c == 1);
                                if (best == null || s.better(cand, best)) {
                                    best = cand;
                                }
                            }
                        }
                    }
                }
            }
        } else {
            int p = Math.min(n < 10 ? 1 : 2, maxP);
            int q = Math.min(n < 10 ? 1 : 2, maxQ);
            int sp = Math.min(n < 10 ? 0 : 1, maxSP);
            int sq = Math.min(n < 10 ? 0 : 1, maxSQ);
            best = s.fit(p, q, sp, sq, constant);
            s.markChecked(best);
            Candidate c = s.fit(0, 0, 0, 0, constant);
            if (s.better(c, best)) {
                best = c;
                p = q = sp = sq = 0;
            }
            if (maxP > 0 || maxSP > 0) {
                int pp = maxP > 0 ? 1 : 0;
                int ps = m > 1 && maxSP > 0 ? 1 : 0;
                c = s.fit(pp, 0, ps, 0, constant);
                if (s.better(c, best)) {
                    best = c;
                    p = pp;
                    sp = ps;
                    q = sq = 0;
                }
            }
            if (maxQ > 0 || maxSQ > 0) {
                int qq = maxQ > 0 ? 1 : 0;
                int qs = m > 1 && maxSQ > 0 ? 1 : 0;
                c = s.fit(0, qq, 0, qs, constant);
                if (s.better(c, best)) {
                    best = c;
                    p = sp = 0;
                    sq = qs;
                    q = qq;
                }
            }
            if (constant) {
                c = s.fit(0, 0, 0, 0, false);
                if (s.better(c, best)) {
                    best = c;
                    p = q = sp = sq = 0;
                }
            }
            int startk = 0;
            while (startk < s.count() && s.count() < MAX_MODELS) {
                startk = s.count();
                // neighbours in auto.arima's order; the first improvement restarts the scan
                int[][] moves = {
                    {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
                    {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
                    {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
                    {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}};
                boolean improved = false;
                for (int[] mv : moves) {
                    int np = p + mv[0];
                    int nq = q + mv[1];
                    int nsp = sp + mv[2];
                    int nsq = sq + mv[3];
                    if (np < 0 || nq < 0 || nsp < 0 || nsq < 0 || np > maxP || nq > maxQ || nsp > maxSP || nsq > maxSQ) {
                        continue;
                    }
                    if (!s.isNew(np, nq, nsp, nsq, constant)) {
                        continue;
                    }
                    if (s.count() >= MAX_MODELS) {
                        break;
                    }
                    c = s.fit(np, nq, nsp, nsq, constant);
                    if (s.better(c, best)) {
                        best = c;
                        p = np;
                        q = nq;
                        sp = nsp;
                        sq = nsq;
                        improved = true;
                        break;
                    }
                }
                if (!improved && (allowDrift || allowMean) && s.isNew(p, q, sp, sq, !constant) && s.count() < MAX_MODELS) {
                    c = s.fit(p, q, sp, sq, !constant);
                    if (s.better(c, best)) {
                        best = c;
                        constant = !constant;
                    }
                }
            }
        }
        if (approximation && best != null && best.fit != null) {
            Candidate refit = null;
            List<Candidate> ordered = new ArrayList<>(s.all);
            ordered.sort(Comparator.comparingDouble(cd -> cd.ic));
            for (Candidate cd : ordered) {
                if (!(cd.ic < Double.POSITIVE_INFINITY)) {
                    break;
                }
                Candidate exact = s.fitExact(cd);
                if (exact.ic < Double.POSITIVE_INFINITY && s.passesChecks(exact)) {
                    refit = exact;
                    break;
                }
            }
            best = refit;
        }
        if (best == null || best.fit == null || !(best.ic < Double.POSITIVE_INFINITY)) {
            return Selected.fallback(Fallbacks.simple(y, d, seasonalD, m), io.demandcast.core.model.FallbackReason.NON_CONVERGENCE);
        }
        ArimaModel model = best.fit.toModel(s.adjustedSigma2(best));
        return model != null ? Selected.of(model)
                : Selected.fallback(Fallbacks.simple(y, d, seasonalD, m), io.demandcast.core.model.FallbackReason.NON_CONVERGENCE);
    }

    /** auto.arima's answer when the differenced data are constant: the data follow a polynomial (a line, a fixed seasonal pattern). */
    private static ArimaModel polynomialData(double[] y, double[] dx, int d, int seasonalD, int m) {
        double mean = 0;
        for (double v : dx) {
            mean += v;
        }
        mean /= dx.length;
        ArimaModel model;
        if (seasonalD > 0 && d == 0) {
            model = Fallbacks.fixed(y, new ArimaOrder(0, 0, 0, 0, seasonalD, 0, m, true), new double[] {mean / m});
        } else if (seasonalD > 0) {
            model = Fallbacks.fixed(y, new ArimaOrder(0, d, 0, 0, seasonalD, 0, m, false), new double[0]);
        } else if (d == 2) {
            model = Fallbacks.fixed(y, ArimaOrder.of(0, 2, 0), new double[0]);
        } else {
            model = Fallbacks.fixed(y, ArimaOrder.of(0, d, 0).withConstant(), new double[] {mean});
        }
        return model != null ? model : Fallbacks.naive(y);
    }

    /** The candidates fitted so far and how they are scored (auto.arima's {@code myarima} and results table). */
    private final class Search {
        private final double[] y;
        private final int d;
        private final int seasonalD;
        private final int m;
        private final Criterion ic;
        private final boolean approximation;
        private final double offset;
        private final int nstar;
        final List<Candidate> all = new ArrayList<>();

        Search(double[] y, int d, int seasonalD, int m, Criterion ic, boolean approximation, double offset) {
            this.y = y;
            this.d = d;
            this.seasonalD = seasonalD;
            this.m = m;
            this.ic = ic;
            this.approximation = approximation;
            this.offset = offset;
            this.nstar = y.length - d - seasonalD * m;
        }

        int count() {
            return all.size();
        }

        boolean isNew(int p, int q, int sp, int sq, boolean constant) {
            for (Candidate c : all) {
                ArimaOrder o = c.order;
                if (o.p() == p && o.q() == q && o.seasonalP() == sp && o.seasonalQ() == sq && o.constant() == constant) {
                    return false;
                }
            }
            return true;
        }

        private ArimaOrder order(int p, int q, int sp, int sq, boolean constant) {
            return new ArimaOrder(p, d, q, m > 1 ? sp : 0, m > 1 ? seasonalD : 0, m > 1 ? sq : 0, m, constant);
        }

        Candidate fit(int p, int q, int sp, int sq, boolean constant) {
            ArimaOrder o = order(p, q, sp, sq, constant);
            Candidate c = score(o, ArimaFitter.fit(y, o, approximation ? EstimationMethod.CSS : EstimationMethod.CSS_ML));
            all.add(c);
            if (trace != null) {
                trace.accept(o + " : " + c.ic);
            }
            return c;
        }

        /** The exact refit of an approximated candidate, started from its CSS fit as R's CSS-ML is. */
        Candidate fitExact(Candidate approximated) {
            ArimaOrder o = approximated.order;
            ArimaFitter.Fit f = approximated.fit != null && approximated.fit.method == EstimationMethod.CSS
                    ? ArimaFitter.fitExactFrom(y, approximated.fit) : ArimaFitter.fit(y, o, EstimationMethod.CSS_ML);
            return score(o, f);
        }

        private Candidate score(ArimaOrder o, ArimaFitter.Fit f) {
            if (f == null) {
                return new Candidate(o, null, Double.POSITIVE_INFINITY);
            }
            int npar = f.coef.length + 1;
            double aic = f.method == EstimationMethod.CSS ? offset + nstar * Math.log(f.sigma2) + 2 * npar : f.aic();
            double value;
            if (!Double.isFinite(aic)) {
                value = Double.POSITIVE_INFINITY;
            } else {
                value = switch (ic) {
                    case AIC -> aic;
                    case BIC -> aic + npar * (Math.log(nstar) - 2);
                    case AICC -> nstar - npar - 1 > 0 ? aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1) : Double.POSITIVE_INFINITY;
                };
            }
            if (o.p() + o.seasonalP() > 0 && !Polynomials.arRootsOutside(f.expandedAr(), 1.01)) {
                value = Double.POSITIVE_INFINITY;
            }
            if (o.q() + o.seasonalQ() > 0 && value < Double.POSITIVE_INFINITY && !Polynomials.maRootsOutside(f.expandedMa(), 1.01)) {
                value = Double.POSITIVE_INFINITY;
            }
            return new Candidate(o, f, value);
        }

        /** The coefficient-covariance check, computed only when a candidate would otherwise win. */
        boolean passesChecks(Candidate c) {
            if (!c.checked) {
                c.checked = true;
                if (c.fit != null && c.ic < Double.POSITIVE_INFINITY && !c.fit.varianceOk()) {
                    c.ic = Double.POSITIVE_INFINITY;
                    if (trace != null) {
                        trace.accept(c.order + " rejected: coefficient covariance not computable");
                    }
                }
            }
            return c.ic < Double.POSITIVE_INFINITY;
        }

        void markChecked(Candidate c) {
            passesChecks(c);
        }

        /** True when c beats best (strictly lower criterion) after passing the covariance check. */
        boolean better(Candidate c, Candidate best) {
            if (!(c.ic < best.ic)) {
                return false;
            }
            return passesChecks(c) && c.ic < best.ic;
        }

        /** auto.arima's residual variance: sum of squared residuals over {@code nstar - npar + 1}. */
        double adjustedSigma2(Candidate c) {
            int npar = c.fit.coef.length + 1;
            int den = nstar - npar + 1;
            return den > 0 ? c.fit.rss / den : c.fit.sigma2;
        }
    }
}
