package io.demandcast.core.model.stat.ets;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.ets.EtsModel.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exponential smoothing on one series: fits every ETS model the pattern allows by maximum
 * likelihood and keeps the one with the smallest information criterion, as R's {@code ets()}.
 *
 * <p>Pattern: three letters error/trend/season, {@code Z} meaning "select" (R's {@code model}
 * argument), e.g. {@code ZZZ}, {@code ANN}, {@code AAdN}, {@code MAM}, {@code MMdN}. R's default
 * restrictions apply: no additive error with a multiplicative trend or season, no M,M,A; and
 * {@code Z} selects a multiplicative trend only when allowed (R's {@code allow.multiplicative.trend},
 * default off).
 *
 * <p>What the data allow, and the fallbacks (where R differs, it is said):
 * <ul>
 *   <li>a constant series (including all zeros) gets R's constant fit: SES with alpha 0.99999 and zero variance;</li>
 *   <li>multiplicative error or season only for strictly positive data (else their additive counterparts);</li>
 *   <li>a season only when {@code 1 < m <= 24} and the series holds at least two full seasons
 *       (R already tries from {@code m + 1} observations);</li>
 *   <li>a model only when its parameter count is below {@code n - 1} (as R);</li>
 *   <li>when no allowed model can be fitted, the season, then the trend, is dropped; below four
 *       observations the forecast is naive (last value, random-walk variance from the
 *       differences), where R would use its Holt-Winters fallback.</li>
 * </ul>
 */
public final class EtsMethod implements SeriesMethod {
    /** Whether the trend is damped: tried both ways, or forced. */
    public enum Damping { AUTO, TRUE, FALSE }

    /** Information criterion for the selection. */
    public enum Criterion { AICC, AIC, BIC }

    /** Whether a {@code Z} trend also tries multiplicative trends (R: {@code allow.multiplicative.trend}). */
    public enum MultiplicativeTrend { EXCLUDE, ALLOW }

    private static final double CONSTANT_ALPHA = 0.99999;

    private final String family;
    private final String pattern;
    private final Damping damping;
    private final int seasonLength;
    private final Criterion criterion;
    private final MultiplicativeTrend multiplicativeTrend;

    /**
     * @throws IllegalArgumentException naming the parameter for a malformed pattern or season length
     */
    public EtsMethod(String family, String pattern, Damping damping, int seasonLength, Criterion criterion) {
        this(family, pattern, damping, seasonLength, criterion, MultiplicativeTrend.EXCLUDE);
    }

    /**
     * @throws IllegalArgumentException naming the parameter for a malformed pattern or season length
     */
    public EtsMethod(String family, String pattern, Damping damping, int seasonLength, Criterion criterion,
                     MultiplicativeTrend multiplicativeTrend) {
        this.family = family;
        this.multiplicativeTrend = multiplicativeTrend;
        this.pattern = normalise(pattern);
        this.damping = pattern.length() == 4 ? Damping.TRUE : damping;
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season_length must be >= 1 (got " + seasonLength + ")");
        }
        this.seasonLength = seasonLength;
        this.criterion = criterion;
        if (this.damping == Damping.TRUE && this.pattern.charAt(1) == 'N') {
            throw new IllegalArgumentException("model " + pattern + ": a damped model needs a trend (A or Z)");
        }
    }

    private static String normalise(String pattern) {
        String p = pattern.trim().toUpperCase(Locale.ROOT);
        if (p.length() == 4 && p.charAt(2) == 'D') {
            p = "" + p.charAt(0) + p.charAt(1) + p.charAt(3);
        }
        if (p.length() != 3 || "AMZ".indexOf(p.charAt(0)) < 0 || "NAMZ".indexOf(p.charAt(1)) < 0
                || "NAMZ".indexOf(p.charAt(2)) < 0) {
            throw new IllegalArgumentException("model must be error (A,M,Z), trend (N,A,M,Z, optionally followed by d) and season (N,A,M,Z),"
                    + " e.g. ZZZ, ANN, AAdN, MAM (got '" + pattern + "')");
        }
        if (p.charAt(0) == 'A' && (p.charAt(1) == 'M' || p.charAt(2) == 'M')) {
            throw new IllegalArgumentException("model " + pattern + ": additive error with a multiplicative trend or season is excluded (as in R); use M error");
        }
        if (p.equals("MMA")) {
            throw new IllegalArgumentException("model " + pattern + ": M,M,A is excluded (as in R); use MMM or MAA");
        }
        return p;
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", pattern);
        p.put("damped", damping.name().toLowerCase(Locale.ROOT));
        p.put("season_length", seasonLength);
        p.put("ic", criterion.name().toLowerCase(Locale.ROOT));
        p.put("allow_multiplicative_trend", multiplicativeTrend == MultiplicativeTrend.ALLOW);
        return p;
    }

    /** Rebuilds a method from {@link #parameters()} as a saved model recorded them. */
    public static EtsMethod fromParameters(String family, JsonNode saved) {
        return new EtsMethod(family, saved.path("model").asText("ZZZ"),
                Damping.valueOf(saved.path("damped").asText("auto").toUpperCase(Locale.ROOT)),
                saved.path("season_length").asInt(1),
                Criterion.valueOf(saved.path("ic").asText("aicc").toUpperCase(Locale.ROOT)),
                saved.path("allow_multiplicative_trend").asBoolean(false) ? MultiplicativeTrend.ALLOW : MultiplicativeTrend.EXCLUDE);
    }

    @Override
    public SeriesFit load(JsonNode state) {
        return EtsFit.load(state);
    }

    /**
     * {@link UpdateMode#FILTER}: the fitted model form (also a constant or naive fallback),
     * smoothing parameters, variance and fit statistics are kept; the state is re-run from the
     * fitted initial state through {@code y} ({@link EtsFit#filter}). Should the fixed model not be
     * able to follow the new data (its state turns non-finite, or a multiplicative trend negative),
     * the series is refitted: the one case where an ETS update estimates.
     */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] y) {
        if (!(fitted instanceof EtsFit fit)) {
            throw new IllegalArgumentException(family + " cannot update a fit it did not make (" + fitted.getClass().getSimpleName() + ")");
        }
        EtsFit filtered = fit.filter(y);
        return filtered != null ? filtered : fit(y);
    }

    /**
     * What the fit fell back to: an empty series ({@code no_data}) or fewer than four values
     * ({@code too_short}) forecast the last value ({@code naive}), a constant one gets R's constant
     * fit ({@code constant}, used {@code naive}: it forecasts the value); a season or trend the
     * pattern asks for explicitly ({@code A} or {@code M}, not {@code Z}) that the fit dropped is
     * {@code season_longer_than_data} (fewer than two seasons), {@code unsupported_season} (a season
     * above 24), {@code too_short} (the form has as many parameters as values) or
     * {@code non_convergence}, used {@code <family>(<form>)}, e.g. {@code holt_winters(AAN)}. A
     * {@code Z} letter chooses among forms, so a form it did not choose is no fallback.
     */
    @Override
    public io.demandcast.core.model.FamilyUsed familyUsed(double[] y, SeriesFit fitted) {
        int n = y.length;
        if (n == 0) {
            return io.demandcast.core.model.stat.StatFallbacks.noData();
        }
        if (isConstant(y)) {
            return io.demandcast.core.model.FamilyUsed.fallback(io.demandcast.core.model.stat.StatFamilies.NAIVE,
                    io.demandcast.core.model.FallbackReason.CONSTANT);
        }
        if (!(fitted instanceof EtsFit fit)) {
            return null;
        }
        if (fit.stats().parameters() == 0) {
            return io.demandcast.core.model.FamilyUsed.fallback(io.demandcast.core.model.stat.StatFamilies.NAIVE,
                    n < 4 ? io.demandcast.core.model.FallbackReason.TOO_SHORT : io.demandcast.core.model.FallbackReason.NON_CONVERGENCE);
        }
        EtsModel used = fit.model();
        String form = family + "(" + used.code() + ")";
        if (pattern.charAt(2) != 'Z' && pattern.charAt(2) != 'N' && !used.hasSeason()) {
            io.demandcast.core.model.FallbackReason reason = seasonLength > 24 || seasonLength <= 1
                    ? io.demandcast.core.model.FallbackReason.UNSUPPORTED_SEASON
                    : seasonLength > 1 && n < 2 * seasonLength ? io.demandcast.core.model.FallbackReason.SEASON_LONGER_THAN_DATA
                    : io.demandcast.core.model.FallbackReason.NON_CONVERGENCE;
            return io.demandcast.core.model.FamilyUsed.fallback(form, reason);
        }
        if (pattern.charAt(1) != 'Z' && pattern.charAt(1) != 'N' && !used.hasTrend()) {
            EtsModel asked = new EtsModel(EtsModel.Component.A, EtsModel.Component.A, damping == Damping.TRUE, EtsModel.Component.N);
            return io.demandcast.core.model.FamilyUsed.fallback(form, EtsEstimator.parameterCount(asked, 1) >= n - 1
                    ? io.demandcast.core.model.FallbackReason.TOO_SHORT : io.demandcast.core.model.FallbackReason.NON_CONVERGENCE);
        }
        return null;
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    @Override
    public EtsFit fit(double[] y) {
        int n = y.length;
        if (n == 0) {
            return naive(y);
        }
        if (isConstant(y)) {
            return constant(y);
        }
        if (n < 4) {
            return naive(y);
        }
        boolean positive = true;
        for (double v : y) {
            if (!(v > 0)) {
                positive = false;
                break;
            }
        }
        boolean seasonAllowed = seasonLength > 1 && seasonLength <= 24 && n >= 2 * seasonLength;
        EtsFit best = select(y, candidates(positive, seasonAllowed));
        if (best == null) {
            // nothing in the pattern fits these data: additive forms for non-positive data and no
            // season where it cannot be estimated, then also no trend
            List<EtsModel> relaxed = new ArrayList<>();
            for (EtsModel model : candidates(true, true)) {
                EtsModel r = positive ? model : model.additive();
                r = seasonAllowed ? r : r.withoutSeason();
                if (!relaxed.contains(r)) {
                    relaxed.add(r);
                }
            }
            best = select(y, relaxed);
            if (best == null) {
                best = select(y, relaxed.stream().map(EtsModel::withoutTrend).distinct().toList());
            }
        }
        return best != null ? best : naive(y);
    }

    /** The fit with the smallest criterion; if every criterion is infinite, the first model that fitted; null if none did. */
    private EtsFit select(double[] y, List<EtsModel> models) {
        EtsFit best = null;
        EtsFit first = null;
        double bestIc = Double.POSITIVE_INFINITY;
        EtsFit[] fits = new EtsFit[models.size()];
        for (int i = 0; i < models.size(); i++) {
            // a damped model and its undamped twin follow each other (R's order): fitted together
            if (i + 1 < models.size() && EtsEstimator.pairable(models.get(i), models.get(i + 1))) {
                EtsFit[] pair = EtsEstimator.fitPair(y, models.get(i), models.get(i + 1), seasonLength);
                fits[i] = pair[0];
                fits[++i] = pair[1];
            } else {
                fits[i] = EtsEstimator.fit(y, models.get(i), seasonLength);
            }
        }
        for (EtsFit fit : fits) {
            if (fit == null) {
                continue;
            }
            if (first == null && Double.isFinite(fit.stats().lik())) {
                first = fit;
            }
            double ic = criterion(fit.stats());
            if (ic < bestIc) {
                bestIc = ic;
                best = fit;
            }
        }
        return best != null ? best : first;
    }

    private double criterion(EtsFit.Stats s) {
        return switch (criterion) {
            case AICC -> s.aicc();
            case AIC -> s.aic();
            case BIC -> s.bic();
        };
    }

    /** The pattern's models that the data allow, in R's order. */
    List<EtsModel> candidates(boolean positive, boolean seasonAllowed) {
        List<Component> errors = expand(pattern.charAt(0), List.of(Component.A, Component.M));
        List<Component> trends = expand(pattern.charAt(1), multiplicativeTrend == MultiplicativeTrend.ALLOW
                ? List.of(Component.N, Component.A, Component.M) : List.of(Component.N, Component.A));
        List<Component> seasons = expand(pattern.charAt(2), List.of(Component.N, Component.A, Component.M));
        List<Boolean> damps = switch (damping) {
            case AUTO -> List.of(true, false);
            case TRUE -> List.of(true);
            case FALSE -> List.of(false);
        };
        List<EtsModel> out = new ArrayList<>();
        for (Component e : errors) {
            for (Component t : trends) {
                for (Component s : seasons) {
                    for (boolean d : damps) {
                        boolean damped = d && t != Component.N;
                        if (d != damped && damps.size() > 1) {
                            continue; // (N, damped) duplicates (N, undamped)
                        }
                        if (e == Component.A && (t == Component.M || s == Component.M)
                                || e == Component.M && t == Component.M && s == Component.A) {
                            continue;
                        }
                        if (!positive && (e == Component.M || t == Component.M || s == Component.M)) {
                            continue;
                        }
                        if (!seasonAllowed && s != Component.N) {
                            continue;
                        }
                        EtsModel model = new EtsModel(e, t, damped, s);
                        if (!out.contains(model)) {
                            out.add(model);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Component> expand(char letter, List<Component> all) {
        return letter == 'Z' ? all : List.of(Component.valueOf(String.valueOf(letter)));
    }

    private static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }

    /** R's fit for a constant series: SES with alpha 0.99999 started at the value, no variance. */
    private static EtsFit constant(double[] y) {
        EtsModel ann = new EtsModel(Component.A, Component.N, false, Component.N);
        return new EtsFit(ann, 1, CONSTANT_ALPHA, 0, 0, 1, new double[] {y[0]}, new double[] {y[0]}, 0, new EtsFit.Stats(y.length, 2, 0));
    }

    /** Last value with the random-walk variance of the differences (0 when there are none). */
    private static EtsFit naive(double[] y) {
        int n = y.length;
        double last = n == 0 ? 0 : y[n - 1];
        double ss = 0;
        for (int t = 1; t < n; t++) {
            double d = y[t] - y[t - 1];
            ss += d * d;
        }
        double sigma2 = n > 1 ? ss / (n - 1) : 0;
        EtsModel ann = new EtsModel(Component.A, Component.N, false, Component.N);
        // as SES with alpha 1 from the first value, so an update filters it like any other fit
        double first = n == 0 ? 0 : y[0];
        return new EtsFit(ann, 1, 1, 0, 0, 1, new double[] {first}, new double[] {last}, sigma2, new EtsFit.Stats(n, 0, 0));
    }
}
