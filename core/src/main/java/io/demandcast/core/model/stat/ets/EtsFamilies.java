package io.demandcast.core.model.stat.ets;

import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.Params;
import io.demandcast.core.model.stat.ets.EtsMethod.Criterion;
import io.demandcast.core.model.stat.ets.EtsMethod.Damping;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The exponential-smoothing families, for the registry. */
public final class EtsFamilies {
    public static final String AUTO_ETS = "auto_ets";
    public static final String SES = "ses";
    public static final String HOLT = "holt";
    public static final String DAMPED_HOLT = "damped_holt";
    public static final String HOLT_WINTERS = "holt_winters";

    private EtsFamilies() {
    }

    /** auto_ets, ses, holt, damped_holt, holt_winters. */
    public static List<ModelFamily> families() {
        return List.of(
                new LocalFamily(AUTO_ETS,
                        "ETS state-space models fitted by maximum likelihood, selected by AICc as R's ets(); "
                                + "model (ZZZ: error A/M/Z, trend N/A/M/Z[d], season N/A/M/Z), damped (auto|true|false), "
                                + "season_length (default: data.season_length), ic (aicc|aic|bic), allow_multiplicative_trend (default false)",
                        (params, ctx) -> {
                            Params p = Params.of(AUTO_ETS, params, Set.of("model", "damped", "season_length", "ic", "allow_multiplicative_trend"));
                            String model = p.node("model") == null ? "ZZZ" : textOf(p, "model");
                            Damping damping = p.node("damped") != null && p.node("damped").isBoolean()
                                    ? (p.node("damped").booleanValue() ? Damping.TRUE : Damping.FALSE)
                                    : Damping.valueOf(p.choice("damped", "auto", List.of("auto", "true", "false")).toUpperCase(Locale.ROOT));
                            Criterion ic = Criterion.valueOf(p.choice("ic", "aicc", List.of("aicc", "aic", "bic")).toUpperCase(Locale.ROOT));
                            int m = p.integer("season_length", ctx.seasonLength(), 1, 10_000);
                            EtsMethod.MultiplicativeTrend mt = p.bool("allow_multiplicative_trend", false)
                                    ? EtsMethod.MultiplicativeTrend.ALLOW : EtsMethod.MultiplicativeTrend.EXCLUDE;
                            try {
                                return new EtsMethod(AUTO_ETS, model, damping, m, ic, mt);
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException("model.params of " + AUTO_ETS + ": " + e.getMessage(), e);
                            }
                        },
                        saved -> EtsMethod.fromParameters(AUTO_ETS, saved)),
                fixed(SES, "ANN", "simple exponential smoothing, ETS(A,N,N) by maximum likelihood; no parameters"),
                fixed(HOLT, "AAN", "Holt's linear trend, ETS(A,A,N) by maximum likelihood; no parameters"),
                fixed(DAMPED_HOLT, "AAdN", "damped Holt, ETS(A,Ad,N) by maximum likelihood (phi in [0.8, 0.98]); no parameters"),
                new LocalFamily(HOLT_WINTERS,
                        "Holt-Winters, ETS(A,A,A) or with seasonal: multiplicative ETS(M,A,M), by maximum likelihood; "
                                + "seasonal (additive|multiplicative), season_length (default: data.season_length)",
                        (params, ctx) -> {
                            Params p = Params.of(HOLT_WINTERS, params, Set.of("seasonal", "season_length"));
                            String seasonal = p.choice("seasonal", "additive", List.of("additive", "multiplicative"));
                            int m = p.integer("season_length", ctx.seasonLength(), 1, 10_000);
                            return new EtsMethod(HOLT_WINTERS, seasonal.equals("additive") ? "AAA" : "MAM", Damping.FALSE, m, Criterion.AICC);
                        },
                        saved -> EtsMethod.fromParameters(HOLT_WINTERS, saved)));
    }

    private static LocalFamily fixed(String name, String model, String description) {
        return new LocalFamily(name, description,
                (params, ctx) -> {
                    Params.of(name, params, Set.of());
                    return new EtsMethod(name, model, model.contains("d") ? Damping.TRUE : Damping.FALSE, 1, Criterion.AICC);
                },
                saved -> EtsMethod.fromParameters(name, saved));
    }

    private static String textOf(Params p, String key) {
        var v = p.node(key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("model.params." + key + " of " + AUTO_ETS + " must be a model code such as ZZZ, ANN, AAdN or MAM (got " + v + ")");
        }
        return v.textValue();
    }
}
